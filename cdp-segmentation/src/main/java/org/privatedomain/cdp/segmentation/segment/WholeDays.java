package org.privatedomain.cdp.segmentation.segment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A window cut at the brand's midnights: the whole local days it covers, {@code first} to {@code last} (null for
 * an open end), and the parts of days at its ends ({@code edges}, half-open instant ranges), which a purchase
 * history cannot answer for since it keeps days, not times.
 */
record WholeDays(LocalDate first, LocalDate last, List<Edge> edges) {

    record Edge(Instant from, Instant to) {
    }

    /** The window's whole days and edges, or null when it covers no whole day. */
    static WholeDays of(Window window, SqlContext sql) {
        Instant start = window == null ? null : window.start(sql);
        Instant end = window == null ? null : window.end(sql);
        ZoneId zone = sql.zone();
        List<Edge> edges = new ArrayList<>();
        LocalDate first = null;
        if (start != null) {
            LocalDate day = start.atZone(zone).toLocalDate();
            first = midnight(day, zone).equals(start) ? day : day.plusDays(1);
            if (!first.equals(day)) {
                edges.add(new Edge(start, midnight(first, zone)));
            }
        }
        LocalDate last = null;
        if (end != null) {
            LocalDate day = end.atZone(zone).toLocalDate();
            last = day.minusDays(1);
            if (!midnight(day, zone).equals(end)) {
                edges.add(new Edge(midnight(day, zone), end));
            }
        }
        return first != null && last != null && first.isAfter(last) ? null : new WholeDays(first, last, edges);
    }

    private static Instant midnight(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }
}
