package org.privatedomain.cdp.metrics.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A rate with what it is made of; the rate has four decimals and is null when the denominator is 0. */
public record Ratio(BigDecimal numerator, BigDecimal denominator, BigDecimal rate) {

    static Ratio of(long numerator, long denominator) {
        return of(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    static Ratio of(BigDecimal numerator, BigDecimal denominator) {
        return new Ratio(numerator, denominator, denominator.signum() == 0 ? null
                : numerator.divide(denominator, 4, RoundingMode.HALF_UP));
    }
}
