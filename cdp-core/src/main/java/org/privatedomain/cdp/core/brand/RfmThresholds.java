package org.privatedomain.cdp.core.brand;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * The four cut points c1..c4 per RFM dimension in {@code THRESHOLDS} mode, strictly ascending: recency in whole
 * days, frequency in whole orders or days, monetary in CNY with at most two decimals.
 */
public record RfmThresholds(
        @NotNull @Size(min = 4, max = 4) @AscendingCutPoints
        List<@NotNull @PositiveOrZero @Digits(integer = 5, fraction = 0) BigDecimal> recency,
        @NotNull @Size(min = 4, max = 4) @AscendingCutPoints
        List<@NotNull @PositiveOrZero @Digits(integer = 9, fraction = 0) BigDecimal> frequency,
        @NotNull @Size(min = 4, max = 4) @AscendingCutPoints
        List<@NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal> monetary) {
}
