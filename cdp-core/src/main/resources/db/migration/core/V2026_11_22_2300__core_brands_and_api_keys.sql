create schema if not exists core;

-- The tenant. Small and read on every request: were the database sharded by brand (Citus), this would be a
-- reference table replicated to every node, not a sharded one.
create table core.brand (
    id                           bigint generated always as identity primary key,
    code                         varchar(32)    not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,31}$'),
    name                         varchar(200)   not null,
    timezone                     varchar(64)    not null,
    period_type                  varchar(8)     not null check (period_type in ('MONTH', 'WEEK', 'QUARTER')),
    rfm_window_days              integer        not null check (rfm_window_days between 1 and 3660),
    rfm_frequency_basis          varchar(8)     not null check (rfm_frequency_basis in ('ORDERS', 'DAYS')),
    rfm_scoring_mode             varchar(12)    not null check (rfm_scoring_mode in ('QUANTILE', 'THRESHOLDS')),
    rfm_recency_cut_points       numeric[],
    rfm_frequency_cut_points     numeric[],
    rfm_monetary_cut_points      numeric[],
    min_qualifying_amount        numeric(14, 2) not null check (min_qualifying_amount >= 0),
    review_counts_as_propagation boolean        not null,
    capital_requires_consent     boolean        not null,
    created_at                   timestamptz    not null default now(),
    updated_at                   timestamptz    not null default now(),
    constraint brand_rfm_thresholds_match_mode check (
        (rfm_scoring_mode = 'THRESHOLDS') = (cardinality(rfm_recency_cut_points) = 4
            and cardinality(rfm_frequency_cut_points) = 4
            and cardinality(rfm_monetary_cut_points) = 4))
);

-- Brand API keys. Only a SHA-256 hash of the secret part is kept; the id part is public and finds the row.
-- Like brand, a reference table: keys are few and every request looks one up by id.
create table core.api_key (
    id          uuid        primary key,
    brand_id    bigint      not null references core.brand (id),
    role        varchar(8)  not null check (role in ('ADMIN', 'OPERATOR', 'ANALYST')),
    secret_hash bytea       not null check (octet_length(secret_hash) = 32),
    created_at  timestamptz not null default now(),
    revoked_at  timestamptz
);

create index api_key_brand_idx on core.api_key (brand_id, created_at);
