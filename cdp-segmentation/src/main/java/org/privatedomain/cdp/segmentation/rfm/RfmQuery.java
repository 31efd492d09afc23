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
     * The run's cut points from its persons' values (in the table {@code %s}, laid out as segmentation.rfm_person):
     * the brand's, or the interpolated 20/40/60/80th percentiles of the scored population. Null when nobody is
     * scored.
     */
    static final String CUTS = """
            select coalesce(cast(cast(:recencyCuts as text[]) as numeric[]),
                            segmentation.round6(percentile_cont(array[0.2, 0.4, 0.6, 0.8]) within group (order by recency))),
                   coalesce(cast(cast(:frequencyCuts as text[]) as numeric[]),
                            segmentation.round6(percentile_cont(array[0.2, 0.4, 0.6, 0.8]) within group (order by frequency))),
                   coalesce(cast(cast(:monetaryCuts as text[]) as numeric[]),
                            segmentation.round6(percentile_cont(array[0.2, 0.4, 0.6, 0.8]) within group (order by monetary)))
              from %s
             where brand_id = :brand and as_of = :asOf
            """;

    /**
     * The persons per score cell of the values in the table {@code %s}, by the cut points {@code :r1..:r4},
     * {@code :f1..:f4}, {@code :m1..:m4}.
     */
    static final String CELLS = """
            select 5 - (recency > :r1)::int - (recency > :r2)::int - (recency > :r3)::int - (recency > :r4)::int,
                   1 + (frequency > :f1)::int + (frequency > :f2)::int + (frequency > :f3)::int + (frequency > :f4)::int,
                   1 + (monetary > :m1)::int + (monetary > :m2)::int + (monetary > :m3)::int + (monetary > :m4)::int,
                   count(*)
              from %s
             where brand_id = :brand and as_of = :asOf
             group by 1, 2, 3
             order by 1, 2, 3
            """;

    private RfmQuery() {
    }
}
