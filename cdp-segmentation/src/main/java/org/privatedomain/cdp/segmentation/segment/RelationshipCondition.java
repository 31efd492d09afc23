package org.privatedomain.cdp.segmentation.segment;

import java.time.Instant;

/**
 * {@code {"type":"relationship","field":"GROUP_CHAT"}}: a relationship in the field (any field when left out;
 * membership is its own kind) active now, or with {@code "during":{window}} active at some time in it. Active
 * at t is fast-plus.md's {@code connectedAt < t <= disconnectedAt}; active during a window is the interval
 * {@code [connectedAt, disconnectedAt)} overlapping it, as for a period.
 */
record RelationshipCondition(String field, Window during) implements Condition {

    static final String MEMBERSHIP = "MEMBERSHIP";

    static Condition parse(RuleReader rule) {
        String field = rule.code("field", false);
        if (MEMBERSHIP.equals(field)) {
            rule.error("field", "membership is the condition {\"type\":\"membership\"}");
        }
        return new RelationshipCondition(field, Window.read(rule, "during"));
    }

    /** {@code {"type":"membership"}}: a member now, or with {@code "during"} at some time in the window. */
    static Condition parseMembership(RuleReader rule) {
        return new RelationshipCondition(MEMBERSHIP, Window.read(rule, "during"));
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public String compile(SqlContext sql) {
        String fields = field == null ? "r.field <> '" + MEMBERSHIP + "'" : "r.field = " + sql.bind(field);
        String active;
        if (during == null) {
            active = "r.connected_at < " + sql.now() + " and (r.disconnected_at is null or r.disconnected_at >= "
                    + sql.now() + ")";
        } else {
            Instant start = during.start(sql);
            Instant end = during.end(sql);
            active = (end == null ? "true" : "r.connected_at < " + sql.bind(end))
                    + (start == null ? "" : " and (r.disconnected_at is null or r.disconnected_at > " + sql.bind(start) + ")");
        }
        return """
                exists (select 1 from core.relationship r
                         where r.brand_id = %s and r.member_id = m.id and %s and %s)"""
                .formatted(sql.brand(), fields, active);
    }
}
