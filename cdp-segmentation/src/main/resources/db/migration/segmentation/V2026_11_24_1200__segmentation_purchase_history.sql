-- Each person's purchase history in one row: the days (in the brand's timezone, ascending) with a qualifying order
-- (PAID or PARTIALLY_REFUNDED, net amount above the brand's minQualifyingAmount), and the running count and net
-- amount of those orders up to each day. A rule's order count, net amount or purchase days over whole days is then
-- two binary searches (width_bucket) in one row per person rather than an aggregate over the orders. Derived from
-- core.orders and kept fresh from the fact journal; unlogged like the other derived tables.
create unlogged table segmentation.purchase_history (
    brand_id    bigint    not null,
    member_id   bigint    not null,
    days        date[]    not null,
    orders      integer[] not null,
    net_amounts numeric[] not null,
    primary key (brand_id, member_id)
);

-- Per brand, the database snapshot the histories were last brought up to.
create unlogged table segmentation.purchase_history_state (
    brand_id    bigint      primary key,
    computed_at timestamptz not null,
    db_snapshot text        not null
);
