package org.privatedomain.cdp.metrics.fastplus;

/** A numerator or denominator of the FAST+ report whose persons can be listed. */
public enum Figure {
    /** Capital at the period's end; also the persons over whom CLV is reported. */
    CAPITAL,
    /** Conversion's base: Capital at the period's start. */
    CONVERSION_BASE,
    /** Conversion's numerator: those of the base whose tier rose. */
    CONVERSION_DEEPENED,
    /** Connection's denominator: visitors in the period (of one field, or all). */
    CONNECTION_VISITORS,
    /** Connection's numerator: visitors who held a relationship during the period. */
    CONNECTION_ACTIVE
}
