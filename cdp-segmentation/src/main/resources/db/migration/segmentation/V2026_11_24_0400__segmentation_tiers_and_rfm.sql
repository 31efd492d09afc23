create schema if not exists segmentation;

-- One computed period of the FAST+ tiers (fast-plus.md, "Tiers"). A closed period is served from here until late
-- data touches it (core.fact_change newer than db_snapshot, dated before ends_at) or the brand's settings change.
create table segmentation.tier_period (
    brand_id     bigint      not null references core.brand (id),
    period_id    varchar(10) not null,
    starts_at    timestamptz not null,
    ends_at      timestamptz not null,
    -- persons of the brand at the time (not merged away, not erased before the period): the NONE tier is the rest
    persons      bigint      not null,
    computed_at  timestamptz not null,
    db_snapshot  text        not null,
    primary key (brand_id, period_id)
);

-- Each person's tier in a computed period, for every person above NONE or with a purchase or propagation in it:
-- a person without a row is NONE with nothing to show.
create table segmentation.tier_snapshot (
    brand_id              bigint      not null,
    period_id             varchar(10) not null,
    member_id             bigint      not null,
    tier                  smallint    not null check (tier between 0 and 5),
    member_purchase_days  integer     not null,
    propagations          integer     not null,
    purchasing_non_member boolean     not null,
    primary key (brand_id, period_id, member_id),
    foreign key (brand_id, period_id) references segmentation.tier_period (brand_id, period_id) on delete cascade
);

create index tier_snapshot_tier_idx on segmentation.tier_snapshot (brand_id, period_id, tier, member_id);

-- One RFM computation as of the end of a local date (fast-plus.md, "RFM"): the cut points and mean scores that
-- score every person, and the persons per (R, F, M) score cell, from which every count of GET .../rfm follows.
create table segmentation.rfm_run (
    brand_id         bigint        not null references core.brand (id),
    as_of            date          not null,
    at               timestamptz   not null,
    window_start     timestamptz   not null,
    scoring_mode     varchar(12)   not null,
    frequency_basis  varchar(8)    not null,
    recency_cuts     numeric[]     not null,
    frequency_cuts   numeric[]     not null,
    monetary_cuts    numeric[]     not null,
    scored           bigint        not null,
    -- sums of the scores over the scored persons: "high" is score * scored > sum, exactly
    recency_sum      bigint        not null,
    frequency_sum    bigint        not null,
    monetary_sum     bigint        not null,
    cells            jsonb         not null,
    computed_at      timestamptz   not null,
    db_snapshot      text          not null,
    primary key (brand_id, as_of)
);

-- percentile_cont interpolates in double precision: 17 + 0.2 * 348 comes out as 86.60000000000001. The exact
-- interpolation of whole days, counts or 2-decimal amounts at the 20/40/60/80th percentiles has at most 3
-- decimals, so rounding to 6 restores it exactly.
create function segmentation.round6(float8[]) returns numeric[] language sql immutable as $$
    select array_agg(trim_scale(round(v::numeric, 6)) order by i) from unnest($1) with ordinality as u(v, i)
$$;
