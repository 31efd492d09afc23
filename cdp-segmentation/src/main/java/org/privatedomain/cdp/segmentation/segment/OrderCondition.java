package org.privatedomain.cdp.segmentation.segment;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
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

    /**
     * What is aggregated, by its name in the rule; {@code %s} stands for the brand's timezone. Over whole days,
     * the metrics with a {@code history} column are read from the persons' purchase histories.
     */
    enum Metric {
        count("count(*)", "orders", BigDecimal.ZERO),
        netAmount("sum(o.amount - o.refunded_amount)", "net_amounts", BigDecimal.ZERO),
        purchaseDays("count(distinct (o.paid_at at time zone %s)::date)", "days", BigDecimal.ZERO),
        lastOrderAt("max(o.paid_at)", null, null),
        firstOrderAt("min(o.paid_at)", null, null);

        private final String aggregate;
        private final String history;
        private final BigDecimal zero;

        Metric(String aggregate, String history, BigDecimal zero) {
            this.aggregate = aggregate;
            this.history = history;
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

    /**
     * Over the orders of the window; or, when the metric and filters allow and the purchase histories are up to
     * date, from the histories over the window's whole days plus the orders of the parts of days at its ends.
     */
    @Override
    public String compile(SqlContext sql) {
        String aggregate = metric.aggregate.formatted(sql.zoneParameter());
        WholeDays days = metric.history == null || channels != null || skus != null ? null : WholeDays.of(window, sql);
        if (days == null || !sql.purchaseHistoryFresh()) {
            return Aggregate.compile(orders(sql, window == null ? "" : window.restrict("o.paid_at", sql)),
                    "o.member_id", aggregate, comparison, metric.zero, sql);
        }
        String value = fromHistory(days, sql);
        String from = "segmentation.purchase_history h";
        if (!days.edges().isEmpty()) {
            // A left join, which the planner runs in parallel and estimates well: a person's first order written
            // after the histories were refreshed is missed, like any order written since then.
            value += " + coalesce(e.value, 0)";
            from += " left join (select o.member_id, " + aggregate + " as value " + orders(sql, days.edges().stream()
                    .map(edge -> "o.paid_at >= " + sql.bind(edge.from()) + " and o.paid_at < " + sql.bind(edge.to()))
                    .collect(Collectors.joining(" or ", " and (", ")"))) + " group by o.member_id) e"
                    + " on e.member_id = h.member_id";
        }
        return Aggregate.compare("select h.member_id, " + value + " as value from " + from + " where h.brand_id = "
                + sql.brand(), comparison, metric.zero, sql);
    }

    /** {@code from ... where ...} of the member's qualifying orders that pass the filters and {@code restrict}. */
    private String orders(SqlContext sql, String restrict) {
        return """
                from core.orders o
                 where o.brand_id = %s and o.status in ('PAID', 'PARTIALLY_REFUNDED')
                   and o.amount - o.refunded_amount > %s%s%s%s"""
                .formatted(sql.brand(), sql.minQualifyingAmount(), restrict,
                        channels == null ? "" : " and o.channel in (" + sql.bind(channels) + ")",
                        skus == null ? "" : " and exists (select 1 from jsonb_array_elements(o.items) item"
                                + " where item ->> 'sku' in (" + sql.bind(skus) + "))");
    }

    /**
     * The metric over the whole days from a history {@code h}: its days are ascending, so {@code width_bucket}
     * finds by binary search how many of them fall up to a day, and the running columns hold the totals up to it.
     */
    private String fromHistory(WholeDays days, SqlContext sql) {
        String through = days.last() == null ? "cardinality(h.days)"
                : "width_bucket(cast(" + sql.bind(days.last()) + " as date), h.days)";
        String before = days.first() == null ? null
                : "width_bucket(cast(" + sql.bind(days.first().minusDays(1)) + " as date), h.days)";
        if (metric == Metric.purchaseDays) {
            return before == null ? through : through + " - " + before;
        }
        String running = "h." + metric.history;
        String upTo = "coalesce(" + running + "[" + through + "], 0)";
        return before == null ? upTo : upTo + " - coalesce(" + running + "[" + before + "], 0)";
    }
}
