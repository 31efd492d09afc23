package org.privatedomain.cdp.segmentation.segment;

import java.util.stream.Stream;

/**
 * {@code {"type":"segment","segmentId":12}}: the member is in another saved segment, as of that segment's last
 * refresh (refreshing a segment refreshes the segments it uses first). {@code path} locates it in the rule.
 */
record SegmentCondition(Long segmentId, String path) implements Condition {

    /** The conditions on saved segments within the rule. */
    static Stream<SegmentCondition> in(Condition rule) {
        return rule.leaves().filter(SegmentCondition.class::isInstance).map(SegmentCondition.class::cast);
    }

    static Condition parse(RuleReader rule) {
        return new SegmentCondition(rule.id("segmentId"), rule.path("segmentId"));
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public String compile(SqlContext sql) {
        return """
                exists (select 1 from segmentation.segment_member sm
                         where sm.brand_id = %s and sm.segment_id = %s and sm.member_id = m.id)"""
                .formatted(sql.brand(), sql.bind(segmentId));
    }
}
