create schema if not exists campaign;

-- A brand's campaign settings: one row per brand, absent until first written (then the defaults in code apply).
-- The webhook secret is kept only AES-GCM encrypted with CDP_PII_KEY and never answered back.
create table campaign.brand_settings (
    brand_id                 bigint        primary key references core.brand (id),
    frequency_cap            integer       check (frequency_cap > 0),
    frequency_window_hours   integer       not null check (frequency_window_hours between 1 and 8784),
    quiet_start              time,
    quiet_end                time,
    webhook_url              varchar(2000),
    webhook_secret           bytea,
    cost_per_message         numeric(12, 4) not null check (cost_per_message >= 0),
    persistent_holdout_share numeric(5, 4) not null check (persistent_holdout_share between 0 and 0.5),
    updated_at               timestamptz   not null,
    check ((quiet_start is null) = (quiet_end is null) and (quiet_start is null or quiet_start <> quiet_end))
);

-- The campaign aggregate. audience is the JSON the caller gave ({"memberIds": [...]} or {"tag": "..."}); a
-- triggered campaign has a trigger instead and runs by itself until paused or cancelled.
create table campaign.campaign (
    brand_id          bigint        not null references core.brand (id),
    id                bigint        generated always as identity,
    name              varchar(200)  not null,
    goal              varchar(1000),
    audience          jsonb,
    trigger_type      varchar(16)   check (trigger_type in ('WELCOME', 'BIRTHDAY', 'WIN_BACK', 'TIER_UPGRADE')),
    trigger_days      integer       check (trigger_days > 0),
    trigger_tier      varchar(24),
    channel           varchar(32)   not null,
    template          varchar(4000) not null,
    holdout_share     numeric(5, 4) not null check (holdout_share between 0 and 0.5),
    attribution_days  integer       not null check (attribution_days between 1 and 90),
    scheduled_at      timestamptz,
    state             varchar(12)   not null
        check (state in ('DRAFT', 'SCHEDULED', 'RUNNING', 'PAUSED', 'COMPLETED', 'CANCELLED')),
    launched_at       timestamptz,
    finished_at       timestamptz,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    version           integer       not null,
    primary key (brand_id, id),
    check ((audience is null) <> (trigger_type is null))
);

create index campaign_due_idx on campaign.campaign (state, scheduled_at) where state in ('SCHEDULED', 'RUNNING');

-- The offer: coupon codes uploaded for a campaign, each given to at most one audience member.
create table campaign.coupon (
    brand_id    bigint       not null,
    campaign_id bigint       not null,
    code        varchar(64)  not null,
    member_id   bigint,
    occurrence  varchar(64),
    assigned_at timestamptz,
    primary key (brand_id, campaign_id, code),
    foreign key (brand_id, campaign_id) references campaign.campaign (brand_id, id),
    unique (brand_id, campaign_id, member_id, occurrence)
);

create index coupon_free_idx on campaign.coupon (brand_id, campaign_id, code) where member_id is null;

create sequence campaign.enrolment_run;

-- The frozen audience: every person a campaign reached for, once per occurrence ('launch' for a one-off
-- campaign; the join event, birthday year, lapse or period of a trigger), with why a person got no message:
-- holdout (CAMPAIGN or BRAND) and excluded (NO_CONSENT, CAPPED, NO_COUPON). entered_at starts the holdout's
-- attribution window.
create table campaign.audience_member (
    brand_id    bigint       not null,
    campaign_id bigint       not null,
    member_id   bigint       not null,
    occurrence  varchar(64)  not null,
    run_id      bigint       not null,
    entered_at  timestamptz  not null,
    holdout     varchar(8)   check (holdout in ('CAMPAIGN', 'BRAND')),
    excluded    varchar(12)  check (excluded in ('NO_CONSENT', 'CAPPED', 'NO_COUPON')),
    primary key (brand_id, campaign_id, member_id, occurrence),
    foreign key (brand_id, campaign_id) references campaign.campaign (brand_id, id)
);

create index audience_member_run_idx on campaign.audience_member (brand_id, campaign_id, run_id);

-- The transactional outbox: one row per message, written in the transaction that decided it, sent by the
-- dispatcher. idempotency_key is what the receiver sees and what makes a resend recognisable. A SENDING row is
-- leased until lease_until; a row whose lease expired is claimed again.
create table campaign.message (
    brand_id        bigint        not null,
    id              bigint        generated always as identity,
    campaign_id     bigint        not null,
    member_id       bigint        not null,
    occurrence      varchar(64)   not null,
    idempotency_key varchar(160)  not null,
    channel         varchar(32)   not null,
    content         varchar(8000) not null,
    coupon          varchar(64),
    state           varchar(8)    not null check (state in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED')),
    skip_reason     varchar(12)   check (skip_reason in ('NO_CONSENT', 'CAPPED', 'CANCELLED', 'ERASED')),
    due_at          timestamptz   not null,
    attempts        integer       not null default 0,
    lease_until     timestamptz,
    lease_token     uuid,
    last_error      varchar(1000),
    created_at      timestamptz   not null,
    sent_at         timestamptz,
    primary key (brand_id, id),
    unique (brand_id, idempotency_key),
    unique (brand_id, campaign_id, member_id, occurrence),
    foreign key (brand_id, campaign_id) references campaign.campaign (brand_id, id)
);

create index message_due_idx on campaign.message (due_at) where state = 'PENDING';
create index message_leased_idx on campaign.message (lease_until) where state = 'SENDING';
-- The frequency cap counts a person's recent messages across campaigns; the last check reads a claim's rows.
create index message_member_idx on campaign.message (brand_id, member_id);
create index message_lease_idx on campaign.message (lease_token) where lease_token is not null;
create index message_campaign_idx on campaign.message (brand_id, campaign_id, id);

-- Delivery receipts from the channels, once per message and status.
create table campaign.receipt (
    brand_id    bigint      not null,
    message_id  bigint      not null,
    status      varchar(12) not null check (status in ('DELIVERED', 'FAILED', 'OPENED', 'CLICKED')),
    occurred_at timestamptz not null,
    received_at timestamptz not null,
    primary key (brand_id, message_id, status),
    foreign key (brand_id, message_id) references campaign.message (brand_id, id)
);
