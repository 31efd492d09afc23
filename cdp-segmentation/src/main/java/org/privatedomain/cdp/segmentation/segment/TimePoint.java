package org.privatedomain.cdp.segmentation.segment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A time in a rule: an ISO date ({@code 2026-10-01}, the start of that day in the brand's timezone) or an
 * instant with offset ({@code 2026-10-01T08:00:00+08:00}).
 */
record TimePoint(LocalDate date, Instant instant) {

    static TimePoint parse(String text) {
        try {
            return text.length() == 10 ? new TimePoint(LocalDate.parse(text), null)
                    : new TimePoint(null, OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notATime) {
            throw new IllegalArgumentException("must be a date like 2026-10-01 or a time like 2026-10-01T08:00:00+08:00");
        }
    }

    /** Whether this is before the other; a date and an instant are taken to be in order (the zone decides). */
    boolean isBefore(TimePoint other) {
        if (date != null && other.date != null) {
            return date.isBefore(other.date);
        }
        return instant == null || other.instant == null || instant.isBefore(other.instant);
    }

    Instant at(ZoneId zone) {
        return instant != null ? instant : date.atStartOfDay(zone).toInstant();
    }
}
