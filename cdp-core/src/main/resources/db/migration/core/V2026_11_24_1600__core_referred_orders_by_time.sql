-- The orders that name a referral (a sharer or a share), by time and carrying what the tiers and CLV read of
-- them: a period's propagations are then read from this small index alone, and the period's other orders from
-- orders_window_idx alone, instead of every table page of the period (one month at 1M persons: 1.7M orders,
-- 2.2 s of table reads). About one order in twenty names a referral, so the index is small.
create index orders_referred_idx on core.orders (brand_id, paid_at)
    include (member_id, status, amount, refunded_amount, referral_share_id, referral_member_id)
 where referral_share_id is not null or referral_member_id is not null;
