package org.privatedomain.cdp.metrics.kpi;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.brand.BrandService;
import org.privatedomain.cdp.core.error.InvalidInputException;
import org.privatedomain.cdp.core.period.Period;
import org.privatedomain.cdp.core.period.PeriodCalendar;
import org.privatedomain.cdp.segmentation.tier.Tier;
import org.privatedomain.cdp.segmentation.tier.TierService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The classic KPIs of fast-plus.md per period, and the monthly join-cohort retention matrix. */
@Service
public class KpiService {

    private static final int MAX_PERIODS = 60;

    private final BrandService brands;
    private final TierService tiers;
    private final JdbcClient jdbc;
    private final Clock clock;

    KpiService(BrandService brands, TierService tiers, JdbcClient jdbc, Clock clock) {
        this.brands = brands;
        this.tiers = tiers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One entry per period from {@code fromId} to {@code toId}, both included (the current period for null). */
    public List<KpiEntry> kpis(String brandCode, String fromId, String toId) {
        BrandContext brand = brands.context(brandCode);
        return PeriodCalendar.of(brand.settings()).range(fromId, toId, clock.instant(), MAX_PERIODS).stream()
                .map(period -> entry(brand, period)).toList();
    }

    private KpiEntry entry(BrandContext brand, Period period) {
        Map<Tier, Long> tier = tiers.distribution(brand.code(), period.id()).persons();
        long purchased = tier.get(Tier.PURCHASED_MEMBER);
        long repeat = tier.get(Tier.REPEAT_MEMBER) + tier.get(Tier.KOC);
        long members = tier.get(Tier.MEMBER) + purchased + repeat;
        return jdbc.sql("""
                        with membership as (
                            select member_id, connected_at, disconnected_at from core.relationship
                             where brand_id = :brand and field = 'MEMBERSHIP'
                               and connected_at < :end and (disconnected_at is null or disconnected_at > :start)
                        ), purchases as (
                            select o.member_id, (o.paid_at at time zone :zone)::date as day,
                                   o.amount - o.refunded_amount as net, bool_or(m.member_id is not null) as as_member
                              from core.orders o
                              left join membership m on m.member_id = o.member_id and m.connected_at <= o.paid_at
                                                    and (m.disconnected_at is null or o.paid_at < m.disconnected_at)
                             where o.brand_id = :brand and o.paid_at >= :start and o.paid_at < :end
                               and o.status in ('PAID', 'PARTIALLY_REFUNDED') and o.amount - o.refunded_amount > :minAmount
                             group by o.order_id, o.member_id, o.paid_at, o.amount, o.refunded_amount
                        ), buyers as (
                            select member_id, count(distinct day) as days from purchases group by member_id
                        )
                        select (select count(*) filter (where days >= 2) from buyers),
                               (select count(*) from buyers),
                               (select coalesce(sum(net) filter (where as_member), 0.00) from purchases),
                               (select coalesce(sum(net), 0.00) from purchases),
                               (select count(*) from (select member_id from core.relationship
                                                       where brand_id = :brand and field = 'MEMBERSHIP'
                                                       group by member_id
                                                      having min(connected_at) >= :start and min(connected_at) < :end) n)
                        """)
                .params(params(brand, period))
                .query((rs, row) -> new KpiEntry(period.id(), period.start(), period.end(),
                        Ratio.of(rs.getLong(1), rs.getLong(2)), Ratio.of(repeat, purchased + repeat),
                        Ratio.of(rs.getBigDecimal(3), rs.getBigDecimal(4)), rs.getLong(5),
                        Ratio.of(purchased + repeat, members)))
                .single();
    }

    /** Cohorts of the months from {@code from} to {@code to} (like 2026-01), followed to {@code to}. */
    public RetentionMatrix retention(String brandCode, String from, String to) {
        BrandContext brand = brands.context(brandCode);
        ZoneId zone = ZoneId.of(brand.settings().timezone());
        YearMonth last = to == null ? YearMonth.now(clock.withZone(zone)) : month(to);
        YearMonth first = from == null ? last.minusMonths(11) : month(from);
        if (first.isAfter(last) || first.plusMonths(MAX_PERIODS).isBefore(last)) {
            throw new InvalidInputException("invalid-parameter",
                    "from must be a month before to, at most " + MAX_PERIODS + " months apart.");
        }
        Map<String, RetentionMatrix.Cohort> cohorts = new LinkedHashMap<>();
        jdbc.sql("""
                        with firsts as (
                            select member_id, min(connected_at) as joined from core.relationship
                             where brand_id = :brand and field = 'MEMBERSHIP'
                             group by member_id
                        ), cohort as (
                            select member_id, date_trunc('month', joined at time zone :zone)::date as month
                              from firsts where joined >= :from and joined < :to
                        ), months as (
                            select month::date from generate_series(cast(:firstMonth as date), cast(:lastMonth as date),
                                                                    interval '1 month') as month
                        )
                        select c.month, m.month, count(distinct c.member_id)
                          from cohort c
                          join months m on m.month >= c.month
                          left join core.relationship r
                                 on r.brand_id = :brand and r.member_id = c.member_id and r.field = 'MEMBERSHIP'
                                and r.connected_at < ((m.month + interval '1 month')::timestamp at time zone :zone)
                                and (r.disconnected_at is null or r.disconnected_at > (m.month::timestamp at time zone :zone))
                         where r.member_id is not null or m.month = c.month
                         group by 1, 2
                         order by 1, 2
                        """)
                .param("brand", brand.id()).param("zone", brand.settings().timezone())
                .param("from", Timestamp.from(first.atDay(1).atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()))
                .param("firstMonth", first.atDay(1)).param("lastMonth", last.atDay(1))
                .query(rs -> {
                    YearMonth cohort = YearMonth.from(rs.getObject(1, LocalDate.class));
                    YearMonth month = YearMonth.from(rs.getObject(2, LocalDate.class));
                    RetentionMatrix.Cohort row = cohorts.computeIfAbsent(cohort.toString(),
                            key -> new RetentionMatrix.Cohort(key, 0, zeros(cohort, last)));
                    row.members().set((int) cohort.until(month, java.time.temporal.ChronoUnit.MONTHS),
                            rs.getLong(3));
                });
        List<RetentionMatrix.Cohort> rows = cohorts.values().stream()
                .map(c -> new RetentionMatrix.Cohort(c.month(), c.members().getFirst(), c.members())).toList();
        return new RetentionMatrix(first.toString(), last.toString(), rows);
    }

    private static List<Long> zeros(YearMonth cohort, YearMonth last) {
        List<Long> zeros = new ArrayList<>();
        for (YearMonth month = cohort; !month.isAfter(last); month = month.plusMonths(1)) {
            zeros.add(0L);
        }
        return zeros;
    }

    private static YearMonth month(String text) {
        YearMonth month;
        try {
            month = YearMonth.parse(text);
        } catch (DateTimeParseException notAMonth) {
            throw new InvalidInputException("invalid-parameter", "'" + text + "' is not a month like 2026-10.");
        }
        if (month.getYear() < 1900 || month.getYear() > 2999) {
            throw new InvalidInputException("invalid-parameter", "'" + text + "' is not a month from 1900 to 2999.");
        }
        return month;
    }

    private static Map<String, Object> params(BrandContext brand, Period period) {
        return Map.of("brand", brand.id(), "start", Timestamp.from(period.start()),
                "end", Timestamp.from(period.end()), "zone", brand.settings().timezone(),
                "minAmount", brand.settings().tiers().minQualifyingAmount());
    }
}
