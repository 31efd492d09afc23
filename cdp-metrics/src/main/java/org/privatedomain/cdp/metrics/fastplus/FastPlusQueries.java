package org.privatedomain.cdp.metrics.fastplus;

import org.privatedomain.cdp.core.order.Referrals;

/**
 * The sets and sums of fast-plus.md in SQL. Parameters: {@code :brand}, {@code :start} and {@code :end} of the
 * period, {@code :t} for an instant, {@code :requiresConsent}, {@code :minAmount}.
 */
final class FastPlusQueries {

    /**
     * The persons who at {@code :t} revoked marketing consent on every channel: per channel the latest decision
     * before {@code :t} on that channel or on ALL wins, and all five say no.
     */
    private static final String REVOKED_EVERYWHERE = """
            select member_id from (
                select distinct on (e.member_id, channel) e.member_id, channel, e.consent_granted as granted
                  from core.event e
                 cross join lateral unnest(case when e.consent_channel = 'ALL'
                                                 then array['SMS', 'WECHAT', 'WECOM', 'EMAIL', 'APP_PUSH']
                                                 else array[e.consent_channel] end) as channel
                 where e.brand_id = :brand and e.type = 'CONSENT' and e.consent_purpose = 'MARKETING'
                   and e.occurred_at < :t
                 order by e.member_id, channel, e.occurred_at desc, e.event_id desc) latest
             group by member_id
            having count(*) filter (where not granted) = 5
            """;

    /**
     * Capital at {@code :t}: persons with a relationship (any field or membership) active at {@code :t}, that is
     * {@code connectedAt < t <= disconnectedAt}, less those who revoked marketing consent everywhere when the
     * brand says so.
     */
    static final String CAPITAL = """
            select distinct r.member_id
              from core.relationship r
             where r.brand_id = :brand and r.connected_at < :t
               and (r.disconnected_at is null or r.disconnected_at >= :t)
            except
            select member_id from (%s) revoked where :requiresConsent
            """.formatted(REVOKED_EVERYWHERE);

    /**
     * A period's tiers (the period's id bound as {@code %s}), read whole and hashed where a brand-wide figure
     * joins them: joined as the table, the planner looked each of 750,000 persons up by key (4.3 s of CLV's
     * 17.6 s at 1M persons, against 0.6 s read whole).
     */
    private static final String TIERS = """
            (select member_id, tier from segmentation.tier_snapshot
              where brand_id = :brand and period_id = %s offset 0)""";

    /** Deepened and base of Conversion: persons in Capital at the period's start, and whose tier rose. */
    static final String CONVERSION = """
            select c.member_id, coalesce(now_tier.tier, 0) > coalesce(before_tier.tier, 0) as deepened
              from (%s) c
              left join %s now_tier on now_tier.member_id = c.member_id
              left join %s before_tier on before_tier.member_id = c.member_id
            """.formatted(CAPITAL.replace(":t", ":start"), TIERS.formatted(":period"), TIERS.formatted(":previous"));

    /**
     * Visitors per field in the period (anonymous visitors are persons of their own), and whether each held a
     * relationship with the brand active at some time during the period.
     */
    static final String VISITORS = """
            select v.field, v.member_id, exists (
                       select 1 from core.relationship r
                        where r.brand_id = :brand and r.member_id = v.member_id
                          and r.connected_at < :end and (r.disconnected_at is null or r.disconnected_at > :start)
                   ) as active
              from (select distinct field, member_id from core.event
                     where brand_id = :brand and type = 'VISIT' and occurred_at >= :start and occurred_at < :end) v
            """;

    /** Qualifying orders paid before {@code :t}: PAID or PARTIALLY_REFUNDED, net above the minimum. */
    private static final String QUALIFYING = """
            select o.order_id, o.member_id, o.paid_at, o.amount - o.refunded_amount as net,
                   o.referral_share_id, o.referral_member_id
              from core.orders o
             where o.brand_id = :brand and o.paid_at < :t
               and o.status in ('PAID', 'PARTIALLY_REFUNDED') and o.amount - o.refunded_amount > :minAmount
            """;

    /** The orders that may be credited to {@code :member}: naming them, or through one of their shares. */
    private static final String NAMING_MEMBER = """
               and (o.referral_member_id = :member
                    or o.referral_share_id in (select share_id from core.event
                                                where brand_id = :brand and type = 'SHARE' and member_id = :member
                                                  and share_id is not null))
            """;

    /**
     * Orders credited to a referrer (one level: the owner of the share the order came through, else the sharer
     * it names), never to the buyer themselves.
     */
    private static final String REFERRED = """
            select * from (
                select q.order_id, q.member_id as buyer, q.paid_at, q.net,
                       %3$s as referrer
                  from (%1$s) q%4$s
                 where q.referral_share_id is not null or q.referral_member_id is not null
                offset 0) r -- the credit is looked up once per order, not again for each condition on it
             where r.referrer <> r.buyer %2$s
            """;

    /** Every referred order, each share's owner joined by hash. */
    static final String ALL_REFERRED = REFERRED.formatted(QUALIFYING, "", Referrals.creditedMember("q", "s"),
            "\n  left join (" + Referrals.SHARE_OWNERS + ") s on s.share_id = q.referral_share_id");

    /** The orders credited to {@code :member}, each order's share looked up by key. */
    static final String REFERRED_TO_MEMBER = REFERRED.formatted(QUALIFYING + NAMING_MEMBER,
            "and r.referrer = :member", Referrals.creditedMember("q"), "");

    /** Each person's own value at {@code :t}: their qualifying orders paid before it. */
    private static final String OWN_FROM_ORDERS = "select member_id, sum(net) as value from (%s) q group by member_id"
            .formatted(QUALIFYING);

    /**
     * The same from the purchase histories, when they are fresh: {@code :t} is a period's end, a local midnight,
     * so the orders paid before it are those of the days up to {@code :lastDay}, the local date before it, whose
     * running net amount the history holds (one lookup per person, not a pass over every order).
     */
    private static final String OWN_FROM_HISTORIES = """
            select member_id, net_amounts[width_bucket(cast(:lastDay as date), days)] as value
              from segmentation.purchase_history
             where brand_id = :brand and days[1] <= :lastDay
            """;

    /** CLV at {@code :t} of each person in Capital at {@code :t}, with their tier in the period ending there. */
    private static final String CLV = """
            with capital as (%s),
            own as ({own}),
            propagation as (select referrer as member_id, sum(net) as value from (%s) r group by referrer)
            select c.member_id, coalesce(t.tier, 0) as tier,
                   coalesce(own.value, 0) + coalesce(propagation.value, 0) as clv
              from capital c
              left join own on own.member_id = c.member_id
              left join propagation on propagation.member_id = c.member_id
              left join %s t on t.member_id = c.member_id
            """.formatted(CAPITAL, ALL_REFERRED, TIERS.formatted(":period"));

    /** CLV as {@link #CLV}, its own values read from the purchase histories when {@code fromHistories}. */
    static String clv(boolean fromHistories) {
        return CLV.replace("{own}", fromHistories ? OWN_FROM_HISTORIES : OWN_FROM_ORDERS);
    }

    /** One person's own value at {@code :t}. */
    static final String OWN = "select coalesce(sum(net), 0.00) from (%s) q where q.member_id = :member"
            .formatted(QUALIFYING);

    private FastPlusQueries() {
    }
}
