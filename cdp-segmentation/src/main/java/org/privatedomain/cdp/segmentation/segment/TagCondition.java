package org.privatedomain.cdp.segmentation.segment;

/** {@code {"type":"tag","tag":"vip"}}: the member carries the tag. */
record TagCondition(String tag) implements Condition {

    static Condition parse(RuleReader rule) {
        return new TagCondition(rule.text("tag", true));
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public String compile(SqlContext sql) {
        return """
                exists (select 1 from core.member_tag t
                         where t.brand_id = %s and t.tag = %s and t.member_id = m.id)"""
                .formatted(sql.brand(), sql.bind(tag));
    }
}
