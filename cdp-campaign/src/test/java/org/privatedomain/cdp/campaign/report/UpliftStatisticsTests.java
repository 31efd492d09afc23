package org.privatedomain.cdp.campaign.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UpliftStatisticsTests {

    /*
     * Treatment 1000 persons, 120 converted: pT = 0.12. Holdout 1000, 100 converted: pH = 0.10.
     *   absolute d = 0.12 - 0.10 = 0.02; relative = 0.02 / 0.10 = 0.2
     *   unpooled se = sqrt(0.12 * 0.88 / 1000 + 0.10 * 0.90 / 1000) = sqrt(0.0001056 + 0.00009)
     *               = sqrt(0.0001956) = 0.0139857
     *   95% CI = 0.02 ± 1.959964 * 0.0139857 = 0.02 ± 0.0274115 = [-0.0074115, 0.0474115]
     *   pooled p = 220 / 2000 = 0.11; pooled se = sqrt(0.11 * 0.89 * (1/1000 + 1/1000)) = sqrt(0.0001958)
     *            = 0.0139929
     *   z = 0.02 / 0.0139929 = 1.42930; p = 2 * (1 - Φ(1.42930)) = 2 * 0.076459 = 0.152918
     */
    @Test
    void matchesTheHandComputedExample() {
        Uplift uplift = UpliftStatistics.of(1000, 120, 1000, 100);

        assertThat(uplift.treatmentRate()).isEqualTo(0.12);
        assertThat(uplift.holdoutRate()).isEqualTo(0.10);
        assertThat(uplift.absolute()).isCloseTo(0.02, within(1e-12));
        assertThat(uplift.relative()).isCloseTo(0.2, within(1e-12));
        assertThat(uplift.ciLow()).isCloseTo(-0.0074115, within(1e-6));
        assertThat(uplift.ciHigh()).isCloseTo(0.0474115, within(1e-6));
        assertThat(uplift.z()).isCloseTo(1.42930, within(1e-5));
        assertThat(uplift.pValue()).isCloseTo(0.152918, within(1e-5));
    }

    /*
     * Treatment 8, 4 converted (0.5); holdout 2, none converted (0): relative uplift undefined.
     *   se = sqrt(0.5 * 0.5 / 8 + 0) = 0.1767767; CI = 0.5 ± 0.3464760 = [0.1535240, 0.8464760]
     *   pooled p = 4/10 = 0.4; pooled se = sqrt(0.4 * 0.6 * (1/8 + 1/2)) = sqrt(0.15) = 0.3872983
     *   z = 0.5 / 0.3872983 = 1.290994; p = erfc(1.290994 / sqrt 2) = 0.196706
     */
    @Test
    void aHoldoutWithoutConversionsHasNoRelativeUplift() {
        Uplift uplift = UpliftStatistics.of(8, 4, 2, 0);

        assertThat(uplift.relative()).isNull();
        assertThat(uplift.ciLow()).isCloseTo(0.1535240, within(1e-6));
        assertThat(uplift.ciHigh()).isCloseTo(0.8464760, within(1e-6));
        assertThat(uplift.z()).isCloseTo(1.290994, within(1e-6));
        assertThat(uplift.pValue()).isCloseTo(0.196706, within(1e-5));
    }

    @Test
    void noConversionsAnywhereIsNoEvidence() {
        Uplift uplift = UpliftStatistics.of(10, 0, 10, 0);

        assertThat(uplift.absolute()).isZero();
        assertThat(uplift.pValue()).isEqualTo(1.0);
    }

    @Test
    void anEmptyGroupHasNoUplift() {
        assertThat(UpliftStatistics.of(10, 2, 0, 0)).isNull();
        assertThat(UpliftStatistics.of(0, 0, 10, 2)).isNull();
    }

    @Test
    void erfcIsSymmetricAroundOne() {
        assertThat(UpliftStatistics.erfc(0)).isCloseTo(1.0, within(1e-7));
        assertThat(UpliftStatistics.erfc(1)).isCloseTo(0.157299207, within(1e-7));
        assertThat(UpliftStatistics.erfc(-1)).isCloseTo(1.842700793, within(1e-7));
    }
}
