-- A journal of writes to the facts (orders, events, erasures), so that results computed from them (tier
-- snapshots, RFM runs, segments, metrics) know whether late data has touched the time they cover. One row per
-- statement and brand, written by statement-level triggers, so every writer is covered without knowing of it:
-- earliest_at is the earliest fact time the statement touched (an order's paid time before and after the change,
-- an event's occurrence, an erasure's time), xid the writing transaction. A result records the database
-- snapshot it was computed in; a journal row whose transaction that snapshot does not see changed the data
-- after it, exactly, whatever the commit order.
create table core.fact_change (
    brand_id    bigint      not null,
    kind        varchar(8)  not null check (kind in ('ORDER', 'EVENT', 'ERASURE')),
    xid         xid8        not null default pg_current_xact_id(),
    earliest_at timestamptz not null,
    changed_at  timestamptz not null default clock_timestamp()
);

create index fact_change_brand_xid_idx on core.fact_change (brand_id, xid);

create function core.journal_order_inserts() returns trigger language plpgsql as $$
begin
    insert into core.fact_change (brand_id, kind, earliest_at)
    select brand_id, 'ORDER', min(paid_at) from new_rows group by brand_id;
    return null;
end $$;

create function core.journal_order_updates() returns trigger language plpgsql as $$
begin
    insert into core.fact_change (brand_id, kind, earliest_at)
    select brand_id, 'ORDER', min(paid_at) from (select brand_id, paid_at from old_rows
                                        union all select brand_id, paid_at from new_rows) changed
     group by brand_id;
    return null;
end $$;

-- Events only ever change their member (a merge), never their time: the new rows tell it all.
create function core.journal_events() returns trigger language plpgsql as $$
begin
    insert into core.fact_change (brand_id, kind, earliest_at)
    select brand_id, 'EVENT', min(occurred_at) from new_rows group by brand_id;
    return null;
end $$;

-- An erasure ends the person's relationships at its time.
create function core.journal_erasures() returns trigger language plpgsql as $$
begin
    insert into core.fact_change (brand_id, kind, earliest_at)
    select n.brand_id, 'ERASURE', min(n.erased_at) from new_rows n join old_rows o on o.brand_id = n.brand_id and o.id = n.id
     where n.erased_at is not null and o.erased_at is null
     group by n.brand_id;
    return null;
end $$;

create trigger orders_inserted after insert on core.orders
    referencing new table as new_rows for each statement execute function core.journal_order_inserts();
create trigger orders_updated after update on core.orders
    referencing old table as old_rows new table as new_rows for each statement execute function core.journal_order_updates();
create trigger event_inserted after insert on core.event
    referencing new table as new_rows for each statement execute function core.journal_events();
create trigger event_updated after update on core.event
    referencing new table as new_rows for each statement execute function core.journal_events();
create trigger member_erased after update on core.member
    referencing old table as old_rows new table as new_rows for each statement execute function core.journal_erasures();

-- Erased persons are few; analytics leave them out of figures dated after their erasure.
create index member_erased_idx on core.member (brand_id, id, erased_at) where erased_at is not null;

-- Orders that came through a share, found from the share: a sharer's propagation value and tier read them.
create index orders_referral_share_idx on core.orders (brand_id, referral_share_id) where referral_share_id is not null;

-- Consent decisions and visits, read brand-wide per period by the FAST+ metrics (Capital, Connection): a few
-- of the many events, found without reading the rest.
create index event_consent_idx on core.event (brand_id, member_id, occurred_at, event_id) where type = 'CONSENT';
create index event_visit_idx on core.event (brand_id, occurred_at) include (field, member_id) where type = 'VISIT';
