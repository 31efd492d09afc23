package org.privatedomain.cdp.core.period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One reporting period of a brand: the half-open interval {@code [start, end)} of local time in the brand's
 * timezone, named like {@code 2026-10}, {@code 2026-W42} or {@code 2026-Q4}.
 */
public record Period(String id, Instant start, Instant end) {

    /** Whether the instant lies in {@code [start, end)}. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    /** The period's first local date in its brand's timezone (its start is that date's midnight). */
    public LocalDate firstDay(ZoneId zone) {
        return LocalDate.ofInstant(start, zone);
    }

    /** The period's last local date in its brand's timezone (its end is the next date's midnight). */
    public LocalDate lastDay(ZoneId zone) {
        return LocalDate.ofInstant(end, zone).minusDays(1);
    }
}
