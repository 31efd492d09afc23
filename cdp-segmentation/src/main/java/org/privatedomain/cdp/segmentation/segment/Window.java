package org.privatedomain.cdp.segmentation.segment;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAmount;
import tools.jackson.databind.JsonNode;

/**
 * A half-open time range {@code [from, to)}: either {@code {"last":"P30D"}} (the 30 days up to the evaluation,
 * calendar periods like {@code P3M} in the brand's timezone, or a duration like {@code PT12H}), or
 * {@code {"from":..., "to":...}} with {@link TimePoint}s, either end left out for an open one.
 */
record Window(TemporalAmount last, TimePoint from, TimePoint to) {

    static Window read(RuleReader parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            parent.error(field, "must be an object: {\"last\":\"P30D\"} or {\"from\":\"2026-10-01\",\"to\":\"2026-11-01\"}");
            return null;
        }
        RuleReader reader = parent.child(node, field);
        String last = reader.text("last", false);
        String from = reader.text("from", false);
        String to = reader.text("to", false);
        reader.finish();
        if (last != null) {
            if (from != null || to != null) {
                reader.error(null, "gives either last or from/to, not both");
                return null;
            }
            TemporalAmount amount = amount(last);
            if (amount == null) {
                reader.error("last", "must be a positive ISO-8601 period or duration like P30D, P3M or PT12H, at most 100 years");
                return null;
            }
            return new Window(amount, null, null);
        }
        if (from == null && to == null) {
            reader.error(null, "needs last, or from and/or to");
            return null;
        }
        TimePoint start = reader.time("from", from);
        TimePoint end = reader.time("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            reader.error(null, "from must be before to");
        }
        return new Window(null, start, end);
    }

    private static final Duration MAX_DURATION = Duration.ofDays(36_525);

    private static TemporalAmount amount(String text) {
        try {
            // At most a century back: beyond it the evaluation time minus the window leaves the calendar.
            if (text.contains("T")) {
                Duration duration = Duration.parse(text);
                return duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0 ? null
                        : duration;
            }
            Period period = Period.parse(text);
            return period.isNegative() || period.isZero() || period.toTotalMonths() + period.getDays() / 31 > 1200
                    ? null : period;
        } catch (DateTimeParseException | ArithmeticException notAnAmount) {
            return null;
        }
    }

    /** The start, or null when open. */
    Instant start(SqlContext sql) {
        if (last != null) {
            return sql.instant().atZone(sql.zone()).minus(last).toInstant();
        }
        return from == null ? null : from.at(sql.zone());
    }

    /** The end (excluded), or null when open. */
    Instant end(SqlContext sql) {
        if (last != null) {
            return sql.instant();
        }
        return to == null ? null : to.at(sql.zone());
    }

    /** {@code column >= start and column < end} for the ends that are set, with a leading {@code and}. */
    String restrict(String column, SqlContext sql) {
        Instant start = start(sql);
        Instant end = end(sql);
        return (start == null ? "" : " and " + column + " >= " + sql.bind(start))
                + (end == null ? "" : " and " + column + " < " + sql.bind(end));
    }
}
