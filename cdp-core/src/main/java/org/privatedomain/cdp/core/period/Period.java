package org.privatedomain.cdp.core.period;

import java.time.Instant;

/**
 * One reporting period of a brand: the half-open interval {@code [start, end)} of local time in the brand's
 * timezone, named like {@code 2026-10}, {@code 2026-W42} or {@code 2026-Q4}.
 */
public record Period(String id, Instant start, Instant end) {

    /** Whether the instant lies in {@code [start, end)}. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}
