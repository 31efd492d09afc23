package org.privatedomain.cdp.core.brand;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * RFM rules of fast-plus.md.
 *
 * @param windowDays     length of the window W that ends at the as-of instant
 * @param frequencyBasis what F counts
 * @param scoringMode    quantile cut points, or the brand's own {@code thresholds}
 * @param thresholds     the brand's cut points; required in {@code THRESHOLDS} mode and absent otherwise
 */
@ThresholdsMatchScoringMode
public record RfmSettings(
        @NotNull @Min(1) @Max(3660) Integer windowDays,
        @NotNull FrequencyBasis frequencyBasis,
        @NotNull RfmScoringMode scoringMode,
        @Valid RfmThresholds thresholds) {

    public static final RfmSettings DEFAULTS =
            new RfmSettings(365, FrequencyBasis.ORDERS, RfmScoringMode.QUANTILE, null);
}
