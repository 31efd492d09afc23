package org.privatedomain.cdp.metrics.fastplus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;

/**
 * One period of the FAST+ report, in the shape of api.md. Rates lie in [0, 1], four decimals, null when the
 * denominator is 0; money has two decimals.
 */
public record FastPlusEntry(String period, Instant start, Instant end, Instant computedAt, long capital,
        Conversion conversion, Connection connection, Clv clv, Map<String, Long> tiers) {

    /** Persons in Capital at the period's start whose tier rose, of all of them. */
    public record Conversion(long deepened, long base, BigDecimal rate) {
    }

    /** Visitors who held a relationship during the period, of all visitors. */
    public record Reach(long active, long visitors, BigDecimal rate) {
    }

    /** Per field, and over the deduplicated union of all fields' visitors. */
    public record Connection(Map<String, Reach> fields, Reach all) {
    }

    /** CLV at the period's end over the persons in Capital then; the mean per tier in the period. */
    public record Clv(BigDecimal mean, BigDecimal median, BigDecimal p90, Map<String, BigDecimal> byTier) {
    }

    /** {@code numerator / denominator} to four decimals, null for a zero denominator. */
    static BigDecimal rate(long numerator, long denominator) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }
}
