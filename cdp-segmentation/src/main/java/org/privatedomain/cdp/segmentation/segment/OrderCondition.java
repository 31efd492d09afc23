package org.privatedomain.cdp.segmentation.segment;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * {@code {"type":"orders","metric":"count","op":"gte","value":2,"window":{"last":"P90D"},"channels":["TMALL"],
 * "skus":["SKU-1"]}}: an aggregate of the member's qualifying orders (status PAID or PARTIALLY_REFUNDED, net
 * amount above the brand's minQualifyingAmount, default 0) paid in the window (all time when left out), optionally
 * only on some channels and only orders with a line of some SKUs. Metrics: count, netAmount (sum of amount minus
 * refunded amount of the whole orders), purchaseDays (distinct days in the brand's timezone), lastOrderAt and
 * firstOrderAt (compared with gt, gte, lt, lte and a time).
 */
record OrderCondition(Metric metric, Comparison comparison, Window window, List<String> channels, List<String> skus)
        implements Condition {

    private static final Set<Operator> NUMERIC = EnumSet.of(Operator.EQ, Operator.GT, Operator.GTE, Operator.LT,
            Operator.LTE);
    private static final Set<Operator> TIME = EnumSet.of(Operator.GT, Operator.GTE, Operator.LT, Operator.LTE);

    /** What is aggregated, by its name in the rule; {@code %s} stands for the brand's timezone. */
    enum Metric {
        count("count(*)", BigDecimal.ZERO),
        netAmount("sum(o.amount - o.refunded_amount)", BigDecimal.ZERO),
        purchaseDays("count(distinct (o.paid_at at time zone %s)::date)", BigDecimal.ZERO),
        lastOrderAt("max(o.paid_at)", null),
        firstOrderAt("min(o.paid_at)", null);

        private final String aggregate;
        private final BigDecimal zero;

        Metric(String aggregate, BigDecimal zero) {
            this.aggregate = aggregate;
            this.zero = zero;
        }
    }

    static Condition parse(RuleReader rule) {
        Metric metric = rule.enumValue("metric", Metric.class, true);
        boolean time = metric == Metric.lastOrderAt || metric == Metric.firstOrderAt;
        Function<JsonNode, Object> values = time ? Comparison::time : Comparison::number;
        Comparison comparison = metric == null ? null : rule.comparison(time ? TIME : NUMERIC, values, null);
        if (metric == null) {
            rule.get("op");
            rule.get("value");
        }
        return new OrderCondition(metric, comparison, Window.read(rule, "window"), rule.codes("channels"),
                rule.codes("skus"));
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public String compile(SqlContext sql) {
        String rows = """
                from core.orders o
                 where o.brand_id = %s and o.status in ('PAID', 'PARTIALLY_REFUNDED')
                   and o.amount - o.refunded_amount > %s%s%s%s"""
                .formatted(sql.brand(), sql.minQualifyingAmount(),
                        window == null ? "" : window.restrict("o.paid_at", sql),
                        channels == null ? "" : " and o.channel in (" + sql.bind(channels) + ")",
                        skus == null ? "" : " and exists (select 1 from jsonb_array_elements(o.items) item"
                                + " where item ->> 'sku' in (" + sql.bind(skus) + "))");
        return Aggregate.compile(rows, "o.member_id", metric.aggregate.formatted(sql.zoneParameter()), comparison,
                metric.zero, sql);
    }
}
