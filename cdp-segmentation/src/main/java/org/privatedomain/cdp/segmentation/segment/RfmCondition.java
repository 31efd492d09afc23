package org.privatedomain.cdp.segmentation.segment;

import java.util.ArrayList;
import java.util.List;
import org.privatedomain.cdp.segmentation.rfm.RfmSegment;

/**
 * {@code {"type":"rfm","segments":["IMPORTANT_VALUE"],"recencyScores":[4,5]}}: the person is scored by today's
 * RFM run (the brand's window, fresh) into one of the segments and, for each score list given, one of its
 * scores. A person without a qualifying order in the window is not scored and never matches.
 */
record RfmCondition(List<RfmSegment> segments, List<Integer> recencyScores, List<Integer> frequencyScores,
        List<Integer> monetaryScores) implements Condition {

    static Condition parse(RuleReader rule) {
        RfmCondition condition = new RfmCondition(rule.enumValues("segments", RfmSegment.class),
                rule.integers("recencyScores", 1, 5), rule.integers("frequencyScores", 1, 5),
                rule.integers("monetaryScores", 1, 5));
        if (condition.segments == null && condition.recencyScores == null && condition.frequencyScores == null
                && condition.monetaryScores == null) {
            rule.error(null, "needs segments, recencyScores, frequencyScores or monetaryScores");
        }
        return condition;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public String compile(SqlContext sql) {
        List<String> filters = new ArrayList<>();
        if (segments != null) {
            filters.add("s.segment = any(" + sql.bind(segments.stream().map(Enum::name).toArray(String[]::new)) + ")");
        }
        score(filters, "r_score", recencyScores, sql);
        score(filters, "f_score", frequencyScores, sql);
        score(filters, "m_score", monetaryScores, sql);
        return "m.id in (select s.member_id from (%s) s where %s)"
                .formatted(sql.rfmScores(), String.join(" and ", filters));
    }

    private static void score(List<String> filters, String column, List<Integer> scores, SqlContext sql) {
        if (scores != null) {
            filters.add("s." + column + " = any(" + sql.bind(scores.toArray(Integer[]::new)) + ")");
        }
    }
}
