package org.privatedomain.cdp.metrics.fastplus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.privatedomain.cdp.core.analytics.AnalyticsSettings;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.period.Period;
import org.privatedomain.cdp.segmentation.purchase.PurchaseHistories;
import org.privatedomain.cdp.segmentation.tier.Tier;
import org.privatedomain.cdp.segmentation.tier.TierDistribution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Computes one period's FAST+ entry from the facts and the period's (fresh) tier snapshots. */
@Component
class FastPlusComputation {

    private final JdbcClient jdbc;
    private final AnalyticsSettings analytics;
    private final PurchaseHistories purchases;

    FastPlusComputation(JdbcClient jdbc, AnalyticsSettings analytics, PurchaseHistories purchases) {
        this.jdbc = jdbc;
        this.analytics = analytics;
        this.purchases = purchases;
    }

    /**
     * In one read-only transaction: every figure is read from the same snapshot of the facts. Own values come from
     * the purchase histories when they hold every order this transaction sees (as tiers read them).
     */
    @Transactional(readOnly = true)
    public FastPlusEntry compute(BrandContext brand, Period period, Period previous, TierDistribution tiers,
            Instant computedAt) {
        analytics.apply();
        Map<String, Object> params = params(brand, period);
        params.put("previous", previous.id());
        params.put("lastDay", period.lastDay(ZoneId.of(brand.settings().timezone())));
        CapitalValue value = clv(params, purchases.upToDate(brand));
        return new FastPlusEntry(period.id(), period.start(), period.end(), computedAt, value.capital(),
                conversion(params), connection(params), value.clv(), tierCounts(tiers));
    }

    /** The parameters every query of the period takes; {@code :t} is the period's end. */
    static Map<String, Object> params(BrandContext brand, Period period) {
        Map<String, Object> params = new HashMap<>();
        params.put("brand", brand.id());
        params.put("period", period.id());
        params.put("start", Timestamp.from(period.start()));
        params.put("end", Timestamp.from(period.end()));
        params.put("t", Timestamp.from(period.end()));
        params.put("requiresConsent", brand.settings().capitalRequiresConsent());
        params.put("minAmount", brand.settings().tiers().minQualifyingAmount());
        return params;
    }

    private FastPlusEntry.Conversion conversion(Map<String, Object> params) {
        return jdbc.sql("select count(*) filter (where deepened), count(*) from (" + FastPlusQueries.CONVERSION + ") c")
                .params(params)
                .query((rs, row) -> new FastPlusEntry.Conversion(rs.getLong(1), rs.getLong(2),
                        FastPlusEntry.rate(rs.getLong(1), rs.getLong(2))))
                .single();
    }

    private FastPlusEntry.Connection connection(Map<String, Object> params) {
        Map<String, FastPlusEntry.Reach> fields = new TreeMap<>();
        FastPlusEntry.Reach[] all = {new FastPlusEntry.Reach(0, 0, null)};
        jdbc.sql("""
                        select field, count(distinct member_id) filter (where active), count(distinct member_id)
                          from (%s) v
                         group by grouping sets ((field), ())
                        """.formatted(FastPlusQueries.VISITORS))
                .params(params)
                .query(rs -> {
                    FastPlusEntry.Reach reach = new FastPlusEntry.Reach(rs.getLong(2), rs.getLong(3),
                            FastPlusEntry.rate(rs.getLong(2), rs.getLong(3)));
                    if (rs.getString(1) == null) {
                        all[0] = reach;
                    } else {
                        fields.put(rs.getString(1), reach);
                    }
                });
        return new FastPlusEntry.Connection(fields, all[0]);
    }

    /** Capital at the period's end and CLV over those persons: one reading of the Capital set serves both. */
    private CapitalValue clv(Map<String, Object> params, boolean fromHistories) {
        Map<String, BigDecimal> byTier = new LinkedHashMap<>();
        BigDecimal[] overall = new BigDecimal[3];
        long[] capital = {0};
        jdbc.sql("""
                        select tier, avg(clv),
                               percentile_cont(0.5) within group (order by clv),
                               percentile_cont(0.9) within group (order by clv),
                               count(*)
                          from (%s) c
                         group by grouping sets ((tier), ())
                         order by tier desc nulls first
                        """.formatted(FastPlusQueries.clv(fromHistories)))
                .params(params)
                .query(rs -> {
                    if (rs.getObject(1) == null) {
                        overall[0] = money(rs.getBigDecimal(2));
                        overall[1] = money(rs.getBigDecimal(3));
                        overall[2] = money(rs.getBigDecimal(4));
                        capital[0] = rs.getLong(5);
                    } else {
                        byTier.put(Tier.ofRank(rs.getInt(1)).name(), money(rs.getBigDecimal(2)));
                    }
                });
        return new CapitalValue(capital[0], new FastPlusEntry.Clv(overall[0], overall[1], overall[2], byTier));
    }

    private record CapitalValue(long capital, FastPlusEntry.Clv clv) {
    }

    private static Map<String, Long> tierCounts(TierDistribution tiers) {
        Map<String, Long> counts = new LinkedHashMap<>();
        tiers.persons().forEach((tier, persons) -> counts.put(tier.name(), persons));
        return counts;
    }

    private static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }
}
