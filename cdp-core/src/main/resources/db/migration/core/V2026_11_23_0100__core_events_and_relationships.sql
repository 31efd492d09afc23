-- Every event a brand sends, once per event_id. member_id follows merges; origin_member_id is the member the
-- event was first resolved to and never changes, so relationship intervals stay per account after a merge.
create table core.event (
    brand_id         bigint       not null,
    event_id         varchar(128) not null,
    member_id        bigint       not null,
    origin_member_id bigint       not null,
    type             varchar(64)  not null,
    occurred_at      timestamptz  not null,
    received_at      timestamptz  not null,
    field            varchar(32),
    share_id         varchar(128),
    order_id         varchar(128),
    rating           smallint     check (rating between 1 and 5),
    consent_purpose  varchar(16),
    consent_channel  varchar(16),
    consent_granted  boolean,
    properties       jsonb,
    primary key (brand_id, event_id),
    foreign key (brand_id, member_id) references core.member (brand_id, id)
);

create index event_member_time_idx on core.event (brand_id, member_id, occurred_at, event_id);

-- Relationship intervals [connected_at, disconnected_at) per field, and membership as field 'MEMBERSHIP',
-- derived from the events by event time. Rows of one person may overlap (one per account it merged from):
-- "active at t" is "any row active at t".
create table core.relationship (
    brand_id         bigint      not null,
    member_id        bigint      not null,
    field            varchar(32) not null,
    origin_member_id bigint      not null,
    connected_at     timestamptz not null,
    disconnected_at  timestamptz,
    primary key (brand_id, member_id, field, origin_member_id, connected_at),
    foreign key (brand_id, member_id) references core.member (brand_id, id),
    check (disconnected_at is null or disconnected_at >= connected_at)
);
