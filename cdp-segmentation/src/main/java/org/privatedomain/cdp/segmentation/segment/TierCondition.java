package org.privatedomain.cdp.segmentation.segment;

import java.util.List;
import org.privatedomain.cdp.segmentation.tier.Tier;

/**
 * {@code {"type":"tier","period":"2026-10","tiers":["KOC","REPEAT_MEMBER"]}}: the person's FAST+ tier in the
 * period (the current one when left out) is one of these. The period's snapshot is made fresh first.
 */
record TierCondition(String period, List<Tier> tiers) implements Condition {

    static Condition parse(RuleReader rule) {
        List<Tier> tiers = rule.enumValues("tiers", Tier.class);
        if (tiers == null) {
            rule.error("tiers", "is required");
        }
        return new TierCondition(rule.period("period"), tiers);
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public String compile(SqlContext sql) {
        String period = sql.bind(sql.tierPeriod(this.period));
        Integer[] ranks = tiers.stream().map(Tier::rank).toArray(Integer[]::new);
        // A person without a snapshot row is NONE.
        return tiers.contains(Tier.NONE)
                ? """
                m.id not in (select t.member_id from segmentation.tier_snapshot t
                              where t.brand_id = %s and t.period_id = %s and t.tier <> all(%s))"""
                        .formatted(sql.brand(), period, sql.bind(ranks))
                : """
                m.id in (select t.member_id from segmentation.tier_snapshot t
                          where t.brand_id = %s and t.period_id = %s and t.tier = any(%s))"""
                        .formatted(sql.brand(), period, sql.bind(ranks));
    }
}
