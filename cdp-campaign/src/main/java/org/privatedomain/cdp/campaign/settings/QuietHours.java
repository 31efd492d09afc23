package org.privatedomain.cdp.campaign.settings;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Local times of the brand's timezone during which no message goes out, {@code [start, end)}; an interval whose
 * start is after its end spans midnight (22:00 to 08:00).
 */
public record QuietHours(@NotNull LocalTime start, @NotNull LocalTime end) {

    public boolean contains(LocalTime time) {
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** The instant itself when it is outside the quiet hours, else the end of the quiet hours it lies in. */
    public Instant nextAllowed(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        if (!contains(local.toLocalTime())) {
            return instant;
        }
        ZonedDateTime end = local.with(this.end).withNano(this.end.getNano());
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }
}
