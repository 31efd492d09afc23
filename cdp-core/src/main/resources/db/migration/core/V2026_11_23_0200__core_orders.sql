-- Orders, once per order_id; a resent order updates status, refund and lines. member_id follows merges.
-- referral_member_id is the sharer named by identity; a referral through share_id finds its sharer through
-- the SHARE event, which may arrive later.
create table core.orders (
    brand_id           bigint         not null,
    order_id           varchar(128)   not null,
    member_id          bigint         not null,
    paid_at            timestamptz    not null,
    amount             numeric(14, 2) not null check (amount >= 0),
    refunded_amount    numeric(14, 2) not null default 0 check (refunded_amount >= 0 and refunded_amount <= amount),
    status             varchar(24)    not null check (status in ('PAID', 'REFUNDED', 'PARTIALLY_REFUNDED')),
    channel            varchar(32),
    referral_share_id  varchar(128),
    referral_member_id bigint,
    items              jsonb,
    received_at        timestamptz    not null,
    updated_at         timestamptz    not null,
    primary key (brand_id, order_id),
    foreign key (brand_id, member_id) references core.member (brand_id, id),
    foreign key (brand_id, referral_member_id) references core.member (brand_id, id)
);

create index orders_member_paid_idx on core.orders (brand_id, member_id, paid_at);
create index orders_paid_idx on core.orders (brand_id, paid_at);
create index orders_referral_member_idx on core.orders (brand_id, referral_member_id) where referral_member_id is not null;
create index event_share_idx on core.event (brand_id, share_id) where share_id is not null;
