package org.privatedomain.cdp.segmentation.tier;

import java.time.Instant;

/**
 * Persons by their tier in the previous period ({@code counts[from]}) and in this one ({@code [to]}), indexed by
 * {@link Tier#rank()}: NONE counts persons entering and leaving.
 */
public record TierTransitions(String from, String to, Instant computedAt, long[][] counts) {

    /** Persons whose tier rose. */
    public long upgraded() {
        long sum = 0;
        for (int from = 0; from < counts.length; from++) {
            for (int to = from + 1; to < counts.length; to++) {
                sum += counts[from][to];
            }
        }
        return sum;
    }

    /** Persons whose tier fell. */
    public long downgraded() {
        long sum = 0;
        for (int from = 0; from < counts.length; from++) {
            for (int to = 0; to < from; to++) {
                sum += counts[from][to];
            }
        }
        return sum;
    }
}
