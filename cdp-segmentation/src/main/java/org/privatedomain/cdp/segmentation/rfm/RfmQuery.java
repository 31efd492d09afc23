package org.privatedomain.cdp.segmentation.rfm;

import org.privatedomain.cdp.core.brand.FrequencyBasis;

/**
 * The RFM rules of fast-plus.md in SQL. A person's values over the window {@code [:from, :at)}: R the whole days
 * from the last qualifying order to {@code :at}, F the qualifying orders (or distinct local purchase days), M
 * their net amount. A person erased before {@code :at} is no longer a person to score.
 */
final class RfmQuery {

    private static final String VALUES = """
            select o.member_id,
                   floor(extract(epoch from (cast(:at as timestamptz) - max(o.paid_at))) / 86400)::bigint as recency,
                   %1$s as frequency,
                   sum(o.amount - o.refunded_amount) as monetary
              from core.orders o
             where o.brand_id = :brand and o.paid_at >= :from and o.paid_at < :at
               and o.status in ('PAID', 'PARTIALLY_REFUNDED') and o.amount - o.refunded_amount > :minAmount
               and not exists (select 1 from core.member m
                                where m.brand_id = :brand and m.id = o.member_id
                                  and m.erased_at is not null and m.erased_at < :at)
               %2$s
             group by o.member_id
            """;

    /** Every scored person's values. */
    static String persons(FrequencyBasis basis) {
        return values(basis, "");
    }

    /** The values of the persons in {@code :members} (those without a qualifying order in the window: no row). */
    static String some(FrequencyBasis basis) {
        return values(basis, "and o.member_id = any(cast(:members as bigint[]))");
    }

    /** One person's values; no row when the person has no qualifying order in the window. */
    static String person(FrequencyBasis basis) {
        return values(basis, "and o.member_id = :member");
    }

    /**
     * The frequency by the brand's basis, chosen in the text: an aggregate with DISTINCT in the query, even one a
     * CASE never uses, makes PostgreSQL sort every order by person, in one process, instead of hashing in parallel.
     */
    private static String values(FrequencyBasis basis, String filter) {
        String frequency = basis == FrequencyBasis.DAYS ? "count(distinct (o.paid_at at time zone :zone)::date)"
                : "count(*)";
        return VALUES.formatted(frequency, filter);
    }

    /**
     * The run's figures from its persons' stored values (segmentation.rfm_person): the cut points (the brand's, or
     * the interpolated 20/40/60/80th percentiles of the scored population) and the persons per score cell. Null
     * cuts when nobody is scored.
     */
    static final String RUN = """
            with person as materialized (
                select recency, frequency, monetary from segmentation.rfm_person
                 where brand_id = :brand and as_of = :asOf
            ),
            cuts as (
                select coalesce(cast(cast(:recencyCuts as text[]) as numeric[]),
                                segmentation.round6(percentile_cont(array[0.2, 0.4, 0.6, 0.8]) within group (order by recency))) as r,
                       coalesce(cast(cast(:frequencyCuts as text[]) as numeric[]),
                                segmentation.round6(percentile_cont(array[0.2, 0.4, 0.6, 0.8]) within group (order by frequency))) as f,
                       coalesce(cast(cast(:monetaryCuts as text[]) as numeric[]),
                                segmentation.round6(percentile_cont(array[0.2, 0.4, 0.6, 0.8]) within group (order by monetary))) as m
                  from person
            )
            select c.r, c.f, c.m, s.r_score, s.f_score, s.m_score, s.persons
              from cuts c
              left join lateral (
                  select 5 - (p.recency > c.r[1])::int - (p.recency > c.r[2])::int
                           - (p.recency > c.r[3])::int - (p.recency > c.r[4])::int as r_score,
                         1 + (p.frequency > c.f[1])::int + (p.frequency > c.f[2])::int
                           + (p.frequency > c.f[3])::int + (p.frequency > c.f[4])::int as f_score,
                         1 + (p.monetary > c.m[1])::int + (p.monetary > c.m[2])::int
                           + (p.monetary > c.m[3])::int + (p.monetary > c.m[4])::int as m_score,
                         count(*) as persons
                    from person p
                   group by 1, 2, 3) s on true
             order by 4, 5, 6
            """;

    private RfmQuery() {
    }
}
