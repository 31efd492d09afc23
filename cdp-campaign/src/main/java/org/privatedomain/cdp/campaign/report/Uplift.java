package org.privatedomain.cdp.campaign.report;

/**
 * Conversion of the treatment against the holdout (rates in [0, 1]).
 *
 * @param absolute   treatment rate minus holdout rate
 * @param relative   absolute / holdout rate; null when the holdout rate is 0
 * @param ciLow      lower end of the 95% confidence interval of {@code absolute} (unpooled standard error)
 * @param ciHigh     upper end of it
 * @param z          the two-proportion z statistic (pooled standard error)
 * @param pValue     its two-sided p-value
 */
public record Uplift(double treatmentRate, double holdoutRate, double absolute, Double relative, double ciLow,
        double ciHigh, double z, double pValue) {
}
