package org.privatedomain.cdp.core.brand;

/** How RFM cut points are found: population quantiles, or thresholds the brand gives. */
public enum RfmScoringMode {
    QUANTILE,
    THRESHOLDS
}
