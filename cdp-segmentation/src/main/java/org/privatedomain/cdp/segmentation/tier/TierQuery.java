package org.privatedomain.cdp.segmentation.tier;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.brand.TierSettings;
import org.privatedomain.cdp.core.order.Referrals;
import org.privatedomain.cdp.core.period.Period;

/**
 * The tier rules of fast-plus.md as one set-based query per period: for every person with a membership, a field
 * relationship, a qualifying purchase or a propagation in the period, the tier rank, the distinct local days
 * with a qualifying purchase as a member, the successful propagations, and whether the person bought outside
 * membership. Everyone else is NONE.
 *
 * <p>Choices where the spec is silent: a relationship is active during the period when {@code [connectedAt,
 * disconnectedAt)} overlaps it; a purchase is "as a member" when {@code joinedAt <= paidAt < leftAt}; an order
 * naming both a share and a sharer is credited to the share's owner when that SHARE event is known, else to the
 * named sharer; a review counts (when the brand says so) if it is of the reviewer's own order and that order was
 * not refunded in full.
 */
final class TierQuery {

    /** Every person's tier. */
    static final String ALL = query("""
            select * from core.orders
             where brand_id = :brand and paid_at >= :start and paid_at < :end
            """, false);

    /**
     * The tiers of the persons in {@code :members}: only their own orders and the orders referred to them are
     * read, through the indexes by buyer, by referring member and by share.
     */
    static final String SOME = query("""
            select * from core.orders
             where brand_id = :brand and member_id = any(cast(:members as bigint[]))
               and paid_at >= :start and paid_at < :end
            union
            select * from core.orders
             where brand_id = :brand and referral_member_id = any(cast(:members as bigint[]))
               and paid_at >= :start and paid_at < :end
            union
            select o.* from core.event s
              join core.orders o on o.brand_id = s.brand_id and o.referral_share_id = s.share_id
             where s.brand_id = :brand and s.type = 'SHARE' and s.share_id is not null
               and s.member_id = any(cast(:members as bigint[]))
               and o.paid_at >= :start and o.paid_at < :end
            """, true);

    /** The query over these orders, for everyone or (restricted by {@code :members}) for some persons. */
    private static String query(String orders, boolean some) {
        return SQL.formatted(orders, Referrals.creditedMember("q"),
                some ? SOME_RELATIONSHIPS : "select * from core.relationship where brand_id = :brand",
                some ? SOME_OF.formatted("e.member_id") : "", some ? SOME_OF.formatted("q.member_id") : "",
                some ? SOME_OF.formatted("member_id") : "");
    }

    private static final String SOME_OF = "and %s = any(cast(:members as bigint[]))";

    /**
     * The relationships of the persons in {@code :members}, read through the primary key person by person
     * (lateral, offset 0): planned as a join, the planner would rather read every relationship of the brand.
     */
    private static final String SOME_RELATIONSHIPS = """
            select r.* from unnest(cast(:members as bigint[])) as wanted(id)
             cross join lateral (select * from core.relationship r
                                  where r.brand_id = :brand and r.member_id = wanted.id offset 0) r
            """;

    private static final String SQL = """
            with membership as (
                select member_id, connected_at, disconnected_at
                  from (%3$s) r
                 where field = 'MEMBERSHIP'
                   and connected_at < :end and (disconnected_at is null or disconnected_at > :start)
            ), related as (
                select distinct member_id
                  from (%3$s) r
                 where field <> 'MEMBERSHIP'
                   and connected_at < :end and (disconnected_at is null or disconnected_at > :start)
            ), qualifying as (
                select o.order_id, o.member_id, o.paid_at, o.referral_share_id, o.referral_member_id
                  from (%1$s) o
                 where o.status in ('PAID', 'PARTIALLY_REFUNDED') and o.amount - o.refunded_amount > :minAmount
            ), purchase_days as (
                -- an order inside two overlapping membership rows comes twice, as a member both times: neither
                -- the days as a member nor a purchase outside membership change
                select q.member_id, (q.paid_at at time zone :zone)::date as day,
                       bool_or(ms.member_id is not null) as as_member, bool_or(ms.member_id is null) as outside
                  from qualifying q
                  left join membership ms on ms.member_id = q.member_id and ms.connected_at <= q.paid_at
                                         and (ms.disconnected_at is null or q.paid_at < ms.disconnected_at)
                 where true %5$s
                 group by 1, 2
            ), buyers as (
                select member_id, count(*) filter (where as_member) as member_days,
                       bool_or(outside) as non_member_purchase
                  from purchase_days
                 group by member_id
            ), referred as materialized (
                select %2$s as referrer,
                       q.member_id as buyer
                  from qualifying q
                 where q.referral_share_id is not null or q.referral_member_id is not null
            ), reviews as (
                select e.member_id
                  from core.event e
                  join core.orders o on o.brand_id = e.brand_id and o.order_id = e.order_id
                                    and o.member_id = e.member_id and o.status <> 'REFUNDED'
                 where :reviewsCount and e.brand_id = :brand and e.type = 'REVIEW' and e.rating >= 4
                   and e.occurred_at >= :start and e.occurred_at < :end
                   %4$s
            ), propagators as (
                select member_id, count(*) as propagations
                  from (select referrer as member_id from referred where referrer <> buyer
                        union all select member_id from reviews) credited
                 where true %6$s
                 group by member_id
            ), persons as (
                select member_id from membership
                union select member_id from related
                union select member_id from buyers
                union select member_id from propagators
            )
            select p.member_id,
                   case when p.member_id in (select member_id from membership) then
                            case when coalesce(b.member_days, 0) >= 2 and pr.propagations > 0 then 5
                                 when coalesce(b.member_days, 0) >= 2 then 4
                                 when b.member_days = 1 then 3
                                 else 2 end
                        when p.member_id in (select member_id from related) then 1
                        else 0 end as tier,
                   coalesce(b.member_days, 0) as member_purchase_days,
                   coalesce(pr.propagations, 0) as propagations,
                   coalesce(b.non_member_purchase, false) as purchasing_non_member
              from persons p
              left join buyers b on b.member_id = p.member_id
              left join propagators pr on pr.member_id = p.member_id
            """;

    private TierQuery() {
    }

    /** The query's parameters for a brand and period; {@code members} null for every person. */
    static Map<String, Object> params(BrandContext brand, Period period, Long[] members) {
        TierSettings tiers = brand.settings().tiers();
        Map<String, Object> params = new HashMap<>();
        params.put("brand", brand.id());
        params.put("start", Timestamp.from(period.start()));
        params.put("end", Timestamp.from(period.end()));
        params.put("zone", brand.settings().timezone());
        params.put("minAmount", tiers.minQualifyingAmount());
        params.put("reviewsCount", tiers.reviewCountsAsPropagation());
        params.put("members", members);
        return params;
    }
}
