-- A person's orders by the person's index alone: recomputing the persons that late orders touched (purchase
-- histories, RFM) reads each order's status and amounts from the index (an index-only scan where vacuum has
-- marked the pages visible) instead of one heap page per order. At 1M persons, 10,000 persons' 92,000 orders:
-- 5.4 s -> 0.09 s. The index grows by an eighth (513 -> 577 MB at 10M orders).
create index orders_member_paid_amounts_idx on core.orders (brand_id, member_id, paid_at)
    include (status, amount, refunded_amount);
drop index core.orders_member_paid_idx;
alter index core.orders_member_paid_amounts_idx rename to orders_member_paid_idx;
