package org.privatedomain.cdp.metrics.fastplus;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.privatedomain.cdp.core.analytics.AnalyticsWorkers;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.error.InvalidInputException;
import org.privatedomain.cdp.core.member.MemberService;
import org.privatedomain.cdp.core.period.Period;
import org.privatedomain.cdp.core.period.PeriodCalendar;
import org.privatedomain.cdp.segmentation.tier.TierDistribution;
import org.privatedomain.cdp.segmentation.tier.TierService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The FAST+ report of fast-plus.md: one entry per period, served from storage while no late data touched the
 * period and recomputed otherwise; the persons behind each figure; one person's CLV.
 */
@Service
public class FastPlusService {

    /** The most periods one report may span. */
    public static final int MAX_PERIODS = 60;

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

    private final BrandService brands;
    private final MemberService members;
    private final TierService tiers;
    private final FastPlusStore store;
    private final FastPlusComputation computation;
    private final AnalyticsWorkers workers;
    private final JdbcClient jdbc;
    private final Clock clock;

    FastPlusService(BrandService brands, MemberService members, TierService tiers, FastPlusStore store,
            FastPlusComputation computation, AnalyticsWorkers workers, JdbcClient jdbc, Clock clock) {
        this.brands = brands;
        this.members = members;
        this.tiers = tiers;
        this.store = store;
        this.computation = computation;
        this.workers = workers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One entry per period from {@code fromId} to {@code toId}, both included (the current period for null). The
     * tiers that the periods to compute need (theirs and the period's before) are made fresh first, side by side.
     */
    public List<FastPlusEntry> report(String brandCode, String fromId, String toId) {
        BrandContext brand = brands.context(brandCode);
        PeriodCalendar calendar = PeriodCalendar.of(brand.settings());
        List<Period> periods = calendar.range(fromId, toId, clock.instant(), MAX_PERIODS);
        Map<String, FastPlusEntry> stored = new HashMap<>();
        Set<String> tierPeriods = new LinkedHashSet<>();
        for (Period period : periods) {
            FastPlusEntry entry = store.fresh(brand.id(), period.id());
            if (entry != null) {
                stored.put(period.id(), entry);
            } else {
                tierPeriods.add(calendar.previous(period).id());
                tierPeriods.add(period.id());
            }
        }
        freshTiers(brandCode, tierPeriods);
        return periods.stream()
                .map(period -> stored.containsKey(period.id()) ? stored.get(period.id())
                        : entry(brand, calendar, period))
                .toList();
    }

    private void freshTiers(String brandCode, Collection<String> periodIds) {
        workers.runAll(periodIds.stream().<Runnable>map(id -> () -> tiers.ensureFresh(brandCode, id)).toList());
    }

    private FastPlusEntry entry(BrandContext brand, PeriodCalendar calendar, Period period) {
        String snapshot = store.snapshot();
        // after the snapshot: making tiers fresh also brings the purchase histories, which CLV reads when up to
        // date, up to the orders it sees
        Period previous = calendar.previous(period);
        tiers.distribution(brand.code(), previous.id());
        TierDistribution distribution = tiers.distribution(brand.code(), period.id());
        FastPlusEntry entry = computation.compute(brand, period, previous, distribution,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        store.save(brand.id(), entry, snapshot);
        return entry;
    }

    /**
     * The persons behind a figure of a period, by member id, a page at a time; {@code field} narrows the
     * Connection figures to one field.
     */
    public PersonPage persons(String brandCode, String periodId, Figure figure, String field, long after,
            int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new InvalidInputException("invalid-parameter", "limit must be between 1 and 10000.");
        }
        BrandContext brand = brands.context(brandCode);
        PeriodCalendar calendar = PeriodCalendar.of(brand.settings());
        Period period = periodId == null ? calendar.containing(clock.instant()) : calendar.parse(periodId);
        Period previous = calendar.previous(period);
        if (figure == Figure.CONVERSION_DEEPENED) {
            freshTiers(brandCode, List.of(previous.id(), period.id()));
        }
        String members = switch (figure) {
            case CAPITAL -> FastPlusQueries.CAPITAL;
            case CONVERSION_BASE -> "select member_id from (" + FastPlusQueries.CONVERSION + ") c";
            case CONVERSION_DEEPENED -> "select member_id from (" + FastPlusQueries.CONVERSION + ") c where deepened";
            case CONNECTION_VISITORS -> "select member_id from (" + FastPlusQueries.VISITORS + ") v"
                    + " where cast(:field as text) is null or v.field = :field";
            case CONNECTION_ACTIVE -> "select member_id from (" + FastPlusQueries.VISITORS + ") v"
                    + " where active and (cast(:field as text) is null or v.field = :field)";
        };
        Map<String, Object> params = FastPlusComputation.params(brand, period);
        params.put("previous", previous.id());
        params.put("field", field);
        params.put("after", after);
        params.put("limit", limit + 1);
        List<Long> ids = jdbc.sql("select distinct member_id from (" + members + ") m where member_id > :after"
                        + " order by member_id limit :limit")
                .params(params).query(Long.class).list();
        List<Long> page = ids.subList(0, Math.min(limit, ids.size()));
        return new PersonPage(page, ids.size() > limit ? page.getLast() : null);
    }

    /** The person's CLV at {@code at} (now for null), with the orders that make up its propagation value. */
    public MemberClv clv(String brandCode, long memberId, Instant at) {
        members.requireLive(brandCode, memberId);
        BrandContext brand = brands.context(brandCode);
        Instant t = at == null ? clock.instant() : at;
        if (t.isBefore(EARLIEST) || !t.isBefore(LATEST)) {
            throw new InvalidInputException("invalid-parameter", "at must be an instant from 1900 to 2999.");
        }
        Map<String, Object> params = new HashMap<>();
        params.put("brand", brand.id());
        params.put("member", memberId);
        params.put("t", Timestamp.from(t));
        params.put("minAmount", brand.settings().tiers().minQualifyingAmount());
        BigDecimal own = jdbc.sql(FastPlusQueries.OWN).params(params).query(BigDecimal.class).single();
        List<MemberClv.PropagationOrder> orders = new ArrayList<>();
        BigDecimal[] propagation = {BigDecimal.ZERO.setScale(2)};
        long[] count = {0};
        jdbc.sql("select order_id, buyer, paid_at, net from (" + FastPlusQueries.REFERRED_TO_MEMBER + ") r"
                        + " order by paid_at, order_id")
                .params(params)
                .query(rs -> {
                    BigDecimal net = rs.getBigDecimal(4);
                    propagation[0] = propagation[0].add(net);
                    if (count[0]++ < 1000) {
                        orders.add(new MemberClv.PropagationOrder(rs.getString(1), rs.getLong(2),
                                rs.getTimestamp(3).toInstant(), net));
                    }
                });
        return new MemberClv(memberId, t, own, propagation[0], own.add(propagation[0]), count[0], orders);
    }
}
