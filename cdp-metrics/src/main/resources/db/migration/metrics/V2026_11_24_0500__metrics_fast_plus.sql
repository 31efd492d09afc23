create schema if not exists metrics;

-- One period's FAST+ entry as the API serves it, kept until late data touches the period (core.fact_change newer
-- than db_snapshot and dated before ends_at) or the brand's settings change.
create table metrics.fast_plus_period (
    brand_id    bigint      not null references core.brand (id),
    period_id   varchar(10) not null,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    entry       jsonb       not null,
    computed_at timestamptz not null,
    db_snapshot text        not null,
    primary key (brand_id, period_id)
);
