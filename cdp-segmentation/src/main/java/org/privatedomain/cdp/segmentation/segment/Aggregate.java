package org.privatedomain.cdp.segmentation.segment;

import java.math.BigDecimal;

/**
 * A comparison of a per-member aggregate over some rows (orders, events). A member without any row has the
 * aggregate of nothing (0 for a count or sum, no time for a last or first time): when the comparison holds for
 * that, the member is in unless its rows say otherwise, so the SQL takes the members whose rows make the
 * comparison fail out; else it takes the members whose rows make it hold. Either way one set-based query over
 * the rows, which the planner can hash-join, rather than a subquery per member.
 */
final class Aggregate {

    private Aggregate() {
    }

    /**
     * @param rows      {@code from ... where ...} of the rows, with the member id in {@code memberColumn}
     * @param aggregate the aggregate expression over the rows
     * @param zero      the aggregate of no rows, or null when it is no value (a time)
     */
    static String compile(String rows, String memberColumn, String aggregate, Comparison comparison,
            BigDecimal zero, SqlContext sql) {
        return compare("select " + memberColumn + " as member_id, " + aggregate + " as value " + rows
                + " group by " + memberColumn, comparison, zero, sql);
    }

    /**
     * @param values a query of {@code member_id, value}, at most one row per member; members without a row
     *               have the value {@code zero}
     */
    static String compare(String values, Comparison comparison, BigDecimal zero, SqlContext sql) {
        String holds = comparison.compile("v.value", value -> sql.bind(value instanceof TimePoint time
                ? time.at(sql.zone()) : value));
        // not exists over a derived table, not "not in": PostgreSQL makes the former an anti-join.
        return zero != null && comparison.holds(zero)
                ? "not exists (select 1 from (" + values + ") v where v.member_id = m.id and not (" + holds + "))"
                : "m.id in (select v.member_id from (" + values + ") v where " + holds + ")";
    }
}
