package org.privatedomain.cdp.segmentation.rfm;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.privatedomain.cdp.core.brand.BrandContext;

/**
 * RFM as SQL for other queries (segment rules): every person scored by the brand's latest run (whose values it
 * keeps), with their three scores and segment code. Values are bound through the caller's binder, so the text holds no value.
 */
final class RfmSql {

    private RfmSql() {
    }

    /** {@code select member_id, r_score, f_score, m_score, segment from ...} for the run's persons. */
    static String scored(BrandContext brand, RfmReport run, Function<Object, String> bind) {
        String values = "select member_id, recency, frequency, monetary from segmentation.rfm_person"
                + " where brand_id = " + bind.apply(brand.id()) + " and as_of = " + bind.apply(run.asOf());
        RfmScale scale = run.scale();
        String r = score("5", "-", "recency", scale.recencyCuts(), bind);
        String f = score("1", "+", "frequency", scale.frequencyCuts(), bind);
        String m = score("1", "+", "monetary", scale.monetaryCuts(), bind);
        StringBuilder segment = new StringBuilder("case");
        for (RfmSegment code : RfmSegment.values()) {
            segment.append(" when ").append(high("r_score", scale.recencySum(), scale.scored(), bind, code.recencyHigh()))
                    .append(" and ").append(high("f_score", scale.frequencySum(), scale.scored(), bind, code.frequencyHigh()))
                    .append(" and ").append(high("m_score", scale.monetarySum(), scale.scored(), bind, code.monetaryHigh()))
                    .append(" then '").append(code.name()).append("'");
        }
        segment.append(" end");
        return """
                select member_id, r_score, f_score, m_score, %s as segment
                  from (select member_id, %s as r_score, %s as f_score, %s as m_score from (%s) v) scored"""
                .formatted(segment, r, f, m, values);
    }

    /** {@code 5 - #{i : x > c_i}} or {@code 1 + #{i : x > c_i}} with the cut points bound. */
    private static String score(String base, String sign, String column, List<BigDecimal> cuts,
            Function<Object, String> bind) {
        StringBuilder score = new StringBuilder("(").append(base);
        for (BigDecimal cut : cuts) {
            score.append(' ').append(sign).append(" (v.").append(column).append(" > ").append(bind.apply(cut))
                    .append(")::int");
        }
        return score.append(')').toString();
    }

    /** Whether the score is strictly above the mean ({@code score * scored > sum}), or not. */
    private static String high(String score, long sum, long scored, Function<Object, String> bind, boolean high) {
        return "(" + score + " * " + bind.apply(scored) + " > " + bind.apply(sum) + ") = " + high;
    }
}
