package org.privatedomain.cdp.segmentation.tier;

import java.sql.Timestamp;
import java.time.ZoneId;
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

    /**
     * Every person's tier. The period's orders are read twice, each time from an index alone: their buyers,
     * times and amounts from orders_window_idx; the few that name a referral from orders_referred_idx. Reading
     * both from the table would read every page of the period's orders.
     */
    static final String ALL = all(false);

    /**
     * Every person's tier as {@link #ALL}, the days with a purchase read from the purchase histories (which must be
     * up to date) wherever they tell the days as a member: for the persons a member for the whole period, and those
     * a member at no time of it. A period's bounds are local midnights, so its days in a history are exact. Only
     * the orders of those who joined or left during the period are read, to place each purchase in or out of their
     * membership. At 1M persons the month's purchase days per person take 0.12 s from the histories, against
     * about 3 s from its 1.7M orders.
     */
    static final String FROM_HISTORIES = all(true);

    private static String all(boolean histories) {
        return query("""
                select member_id, paid_at, status, amount, refunded_amount from core.orders
                 where brand_id = :brand and paid_at >= :start and paid_at < :end
                """, """
                select member_id, paid_at, status, amount, refunded_amount, referral_share_id, referral_member_id
                  from core.orders
                 where brand_id = :brand and paid_at >= :start and paid_at < :end
                   and (referral_share_id is not null or referral_member_id is not null)
                """, false, histories);
    }

    /**
     * The tiers of the persons in {@code :members}: only their own orders and the orders referred to them are
     * read, through the indexes by buyer, by referring member and by share.
     */
    static final String SOME = query("""
            select member_id, paid_at, status, amount, refunded_amount from core.orders
             where brand_id = :brand and member_id = any(cast(:members as bigint[]))
               and paid_at >= :start and paid_at < :end
            """, """
            select * from core.orders
             where brand_id = :brand and referral_member_id = any(cast(:members as bigint[]))
               and paid_at >= :start and paid_at < :end
            union
            select o.* from core.event s
              join core.orders o on o.brand_id = s.brand_id and o.referral_share_id = s.share_id
             where s.brand_id = :brand and s.type = 'SHARE' and s.share_id is not null
               and s.member_id = any(cast(:members as bigint[]))
               and o.paid_at >= :start and o.paid_at < :end
            """, true, false);

    /**
     * The query over these purchases and referred orders, for everyone or (restricted by {@code :members}) for
     * some persons.
     */
    private static String query(String purchases, String referred, boolean some, boolean histories) {
        return SQL.formatted(purchases, Referrals.creditedMember("q"),
                some ? SOME_RELATIONSHIPS : "select * from core.relationship where brand_id = :brand",
                some ? SOME_OF.formatted("e.member_id") : "", referred,
                some ? SOME_OF.formatted("member_id") : "",
                histories ? "and q.member_id in (select member_id from memberships where not whole)" : "",
                histories ? HISTORY_DAYS : "");
    }

    /**
     * The days with a purchase in the period, from the histories, of the persons a member all through it (all
     * of them as a member) or at no time of it (none): {@code :dayBefore} and {@code :lastDay} are the local dates
     * before the period and its last.
     */
    private static final String HISTORY_DAYS = """
                union all
                select h.member_id, false, false, case when m.whole then h.days else 0 end, m.whole is null, 0
                  from (select member_id, width_bucket(cast(:lastDay as date), days)
                                          - width_bucket(cast(:dayBefore as date), days) as days
                          from segmentation.purchase_history where brand_id = :brand) h
                  left join memberships m on m.member_id = h.member_id
                 where h.days > 0 and (m.whole or m.whole is null)
            """;

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

    /**
     * One row per fact bearing on a person's tier (a relationship active during the period, a day with a qualifying
     * purchase, a propagation), grouped once per person: no union of person sets joined back to each source.
     */
    private static final String SQL = """
            with relationships as (
                select member_id, field = 'MEMBERSHIP' as membership
                     , connected_at, disconnected_at
                  from (%3$s) r
                 where connected_at < :end and (disconnected_at is null or disconnected_at > :start)
            ), memberships as (
                -- whole: a member all through the period, every purchase in it as a member
                select member_id,
                       bool_or(connected_at <= :start and (disconnected_at is null or disconnected_at >= :end)) as whole
                  from relationships where membership group by member_id
            ), purchase_days as (
                -- an order inside two overlapping membership rows comes twice, as a member both times: neither
                -- the days as a member nor a purchase outside membership change
                select q.member_id, (q.paid_at at time zone :zone)::date as day,
                       bool_or(ms.member_id is not null) as as_member, bool_or(ms.member_id is null) as outside
                  from (%1$s) q
                  left join relationships ms on ms.membership and ms.member_id = q.member_id
                                            and ms.connected_at <= q.paid_at
                                            and (ms.disconnected_at is null or q.paid_at < ms.disconnected_at)
                 where q.status in ('PAID', 'PARTIALLY_REFUNDED') and q.amount - q.refunded_amount > :minAmount
                   %7$s
                 group by 1, 2
            ), referred as materialized (
                select %2$s as referrer,
                       q.member_id as buyer
                  from (%5$s) q
                 where q.status in ('PAID', 'PARTIALLY_REFUNDED') and q.amount - q.refunded_amount > :minAmount
            ), reviews as (
                select e.member_id
                  from core.event e
                  join core.orders o on o.brand_id = e.brand_id and o.order_id = e.order_id
                                    and o.member_id = e.member_id and o.status <> 'REFUNDED'
                 where :reviewsCount and e.brand_id = :brand and e.type = 'REVIEW' and e.rating >= 4
                   and e.occurred_at >= :start and e.occurred_at < :end
                   %4$s
            ), facts as (
                select member_id, membership, not membership as related,
                       0 as member_days, false as outside, 0 as propagation
                  from relationships
                union all
                select member_id, false, false, as_member::int, outside, 0 from purchase_days
                %8$s
                union all
                select member_id, false, false, 0, false, 1
                  from (select referrer as member_id from referred where referrer <> buyer
                        union all select member_id from reviews) credited
                 where true %6$s
            ), persons as (
                select member_id, bool_or(membership) as member, bool_or(related) as related,
                       sum(member_days) as member_days, bool_or(outside) as outside,
                       sum(propagation) as propagations
                  from facts
                 group by member_id
            )
            select member_id,
                   case when member then
                            case when member_days >= 2 and propagations > 0 then 5
                                 when member_days >= 2 then 4
                                 when member_days = 1 then 3
                                 else 2 end
                        when related then 1
                        else 0 end as tier,
                   member_days as member_purchase_days, propagations, outside as purchasing_non_member
              from persons
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
        ZoneId zone = ZoneId.of(brand.settings().timezone());
        params.put("dayBefore", period.firstDay(zone).minusDays(1));
        params.put("lastDay", period.lastDay(zone));
        return params;
    }
}
