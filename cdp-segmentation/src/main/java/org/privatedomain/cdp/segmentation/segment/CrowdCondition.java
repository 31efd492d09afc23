package org.privatedomain.cdp.segmentation.segment;

import java.util.ArrayList;
import java.util.List;
import org.privatedomain.cdp.segmentation.crowd.PropagationBand;
import org.privatedomain.cdp.segmentation.crowd.ValueBand;
import org.privatedomain.cdp.segmentation.tier.Tier;

/**
 * {@code {"type":"crowd","period":"2026-10","tier":"KOC","value":"HIGH","propagation":"SOME"}}: the person is in
 * that cell of the period's crowd matrix (the current period when left out); a coordinate left out matches any.
 * The matrix is made fresh first. Persons the matrix does not list are in (NONE, NONE, NONE).
 */
record CrowdCondition(String period, Tier tier, ValueBand value, PropagationBand propagation) implements Condition {

    static Condition parse(RuleReader rule) {
        CrowdCondition condition = new CrowdCondition(rule.period("period"),
                rule.enumValue("tier", Tier.class, false), rule.enumValue("value", ValueBand.class, false),
                rule.enumValue("propagation", PropagationBand.class, false));
        if (condition.tier == null && condition.value == null && condition.propagation == null) {
            rule.error(null, "needs tier, value or propagation");
        }
        return condition;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public String compile(SqlContext sql) {
        List<String> coordinates = new ArrayList<>();
        if (tier != null) {
            coordinates.add("c.tier = " + sql.bind(tier.rank()));
        }
        if (value != null) {
            coordinates.add("c.value_band = " + sql.bind(value.name()));
        }
        if (propagation != null) {
            coordinates.add("c.propagation_band = " + sql.bind(propagation.name()));
        }
        String cells = sql.crowdCells(period);
        String match = String.join(" and ", coordinates);
        // Unlisted persons sit in (NONE, NONE, NONE): when that cell matches, everyone but the listed
        // non-matching persons is in.
        boolean unlistedMatch = (tier == null || tier == Tier.NONE) && (value == null || value == ValueBand.NONE)
                && (propagation == null || propagation == PropagationBand.NONE);
        return unlistedMatch
                ? "m.id not in (select c.member_id from (%s) c where not (%s))".formatted(cells, match)
                : "m.id in (select c.member_id from (%s) c where %s)".formatted(cells, match);
    }
}
