package org.privatedomain.cdp.campaign.report;

/**
 * The two-proportion z-test of conversion, treatment against holdout. With {@code pT = xT/nT}, {@code pH = xH/nH}:
 * <ul>
 * <li>absolute uplift {@code d = pT - pH}, relative uplift {@code d / pH};</li>
 * <li>95% confidence interval {@code d ± 1.959964 · sqrt(pT(1-pT)/nT + pH(1-pH)/nH)} (unpooled);</li>
 * <li>{@code z = d / sqrt(p(1-p)(1/nT + 1/nH))} with the pooled rate {@code p = (xT+xH)/(nT+nH)}, and the
 * two-sided p-value {@code 2(1 - Φ(|z|)) = erfc(|z|/√2)}.</li>
 * </ul>
 */
final class UpliftStatistics {

    /** The 97.5th percentile of the standard normal distribution. */
    static final double Z_95 = 1.959963984540054;

    private UpliftStatistics() {
    }

    /** The uplift, or null when either group is empty. */
    static Uplift of(long treated, long treatedConverted, long held, long heldConverted) {
        if (treated == 0 || held == 0) {
            return null;
        }
        double pT = (double) treatedConverted / treated;
        double pH = (double) heldConverted / held;
        double d = pT - pH;
        double se = Math.sqrt(pT * (1 - pT) / treated + pH * (1 - pH) / held);
        double pooled = (double) (treatedConverted + heldConverted) / (treated + held);
        double pooledSe = Math.sqrt(pooled * (1 - pooled) * (1.0 / treated + 1.0 / held));
        double z = pooledSe == 0 ? 0 : d / pooledSe;
        double p = pooledSe == 0 ? 1 : erfc(Math.abs(z) / Math.sqrt(2));
        return new Uplift(pT, pH, d, pH == 0 ? null : d / pH, d - Z_95 * se, d + Z_95 * se, z, p);
    }

    /** The complementary error function, with a fractional error below 1.2e-7 (Numerical Recipes, erfcc). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
