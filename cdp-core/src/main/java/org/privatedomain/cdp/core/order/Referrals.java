package org.privatedomain.cdp.core.order;

/**
 * Who an order is credited to, as SQL for the features that count propagation (tiers, the crowd matrix, CLV):
 * fast-plus.md's "referral points to u".
 */
public final class Referrals {

    private Referrals() {
    }

    /**
     * The member an order of alias {@code order} (a row of {@code core.orders}) is credited to, or null: the owner
     * of the share it came through when that SHARE event is known (the earliest, should an id be shared twice),
     * else the sharer it names. The brand is the parameter {@code :brand}.
     */
    public static String creditedMember(String order) {
        return """
                coalesce((select e.member_id from core.event e
                           where e.brand_id = :brand and e.share_id = %1$s.referral_share_id and e.type = 'SHARE'
                           order by e.occurred_at, e.event_id limit 1),
                         %1$s.referral_member_id)""".formatted(order);
    }
}
