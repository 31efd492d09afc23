-- Identity types that attach to a person but never merge two known persons (fast-plus.md has none; the
-- resolution rules of the members feature use it).
alter table core.brand add column weak_identity_types varchar(32)[] not null default '{ANONYMOUS}';

-- A person of a brand. A person merged into another keeps its row as a pointer (merged_into) so that its old
-- id still answers; everything it held moves to the survivor. A person erased under PIPL keeps only its id,
-- creation and erasure times, so its anonymous history still counts in the periods before the erasure.
create table core.member (
    brand_id      bigint       not null references core.brand (id),
    id            bigint       generated always as identity,
    name          varchar(100),
    gender        varchar(8)   check (gender in ('FEMALE', 'MALE', 'OTHER')),
    birthday      date,
    city          varchar(64),
    province      varchar(64),
    registered_at timestamptz,
    attributes    jsonb        not null default '{}' check (jsonb_typeof(attributes) = 'object'),
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    merged_into   bigint,
    merged_at     timestamptz,
    erased_at     timestamptz,
    primary key (brand_id, id),
    foreign key (brand_id, merged_into) references core.member (brand_id, id),
    check ((merged_into is null) = (merged_at is null))
);

-- Who holds which identity. lookup_key is the value itself, or for personal data (phone, e-mail) an HMAC of it;
-- the personal value itself is only kept AES-GCM encrypted in encrypted_value.
create table core.identity (
    brand_id        bigint       not null,
    type            varchar(32)  not null,
    lookup_key      varchar(128) not null,
    encrypted_value bytea,
    member_id       bigint       not null,
    created_at      timestamptz  not null,
    primary key (brand_id, type, lookup_key),
    foreign key (brand_id, member_id) references core.member (brand_id, id)
);

create index identity_member_idx on core.identity (brand_id, member_id);

-- Every merge: which person went into which, when, and which record linked them.
create table core.member_merge (
    brand_id         bigint       not null,
    id               bigint       generated always as identity,
    merged_member_id bigint       not null,
    survivor_id      bigint       not null,
    merged_at        timestamptz  not null,
    cause            varchar(200) not null,
    primary key (brand_id, id),
    foreign key (brand_id, merged_member_id) references core.member (brand_id, id),
    foreign key (brand_id, survivor_id) references core.member (brand_id, id)
);

create index member_merge_survivor_idx on core.member_merge (brand_id, survivor_id);

create table core.member_tag (
    brand_id  bigint      not null,
    member_id bigint      not null,
    tag       varchar(64) not null,
    tagged_at timestamptz not null,
    primary key (brand_id, member_id, tag),
    foreign key (brand_id, member_id) references core.member (brand_id, id)
);

create index member_tag_tag_idx on core.member_tag (brand_id, tag, member_id);
