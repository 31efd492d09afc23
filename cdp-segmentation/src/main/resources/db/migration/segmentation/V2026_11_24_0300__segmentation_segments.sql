create schema if not exists segmentation;

-- A rule-based segment: a saved rule (the JSON rule language of the README) and, once refreshed, its members.
create table segmentation.segment (
    brand_id         bigint        not null references core.brand (id),
    id               bigint        generated always as identity,
    name             varchar(200)  not null,
    description      varchar(2000),
    rule             jsonb         not null,
    refresh_schedule varchar(32),
    next_refresh_at  timestamptz,
    refreshed_at     timestamptz,
    size             bigint,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    primary key (brand_id, id),
    unique (brand_id, name),
    check ((refresh_schedule is null) = (next_refresh_at is null))
);

-- The poller finds the segments whose scheduled refresh is due.
create index segment_due_idx on segmentation.segment (next_refresh_at) where next_refresh_at is not null;

-- Which segments a segment's rule uses: the foreign key refuses deleting a segment another one uses, and
-- refreshes follow these edges so that a segment is refreshed after the segments it uses.
create table segmentation.segment_dependency (
    brand_id        bigint not null,
    segment_id      bigint not null,
    uses_segment_id bigint not null,
    primary key (brand_id, segment_id, uses_segment_id),
    foreign key (brand_id, segment_id) references segmentation.segment (brand_id, id) on delete cascade,
    foreign key (brand_id, uses_segment_id) references segmentation.segment (brand_id, id)
);

create index segment_dependency_uses_idx on segmentation.segment_dependency (brand_id, uses_segment_id);

-- The members of a segment as of its last refresh; added_at is when the member last entered it.
create table segmentation.segment_member (
    brand_id   bigint      not null,
    segment_id bigint      not null,
    member_id  bigint      not null,
    added_at   timestamptz not null,
    primary key (brand_id, segment_id, member_id),
    foreign key (brand_id, segment_id) references segmentation.segment (brand_id, id) on delete cascade
);

-- Every refresh: the size it left and how many members entered and left.
create table segmentation.segment_refresh (
    brand_id     bigint      not null,
    segment_id   bigint      not null,
    refreshed_at timestamptz not null,
    size         bigint      not null,
    added        bigint      not null,
    removed      bigint      not null,
    primary key (brand_id, segment_id, refreshed_at),
    foreign key (brand_id, segment_id) references segmentation.segment (brand_id, id) on delete cascade
);
