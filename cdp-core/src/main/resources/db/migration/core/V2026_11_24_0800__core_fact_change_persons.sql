-- The journal also names the persons each statement touched, so that a stored per-person result (a period's
-- tiers) can recompute those persons only: an order's buyer and the persons it credits (the named sharer, the
-- owner of the share it came through); an event's person, and for a share the persons its orders credited before
-- the share was known; both persons of a merge; the erased. persons is null when a statement touched more than
-- 50,000 of them (results then recompute whole); person_count says how many without reading the array.
alter table core.fact_change add column persons bigint[], add column person_count integer;

create function core.journal_persons(persons bigint[]) returns bigint[] language sql immutable as $$
    select case when cardinality(persons) <= 50000 then persons end
$$;

create or replace function core.journal_order_inserts() returns trigger language plpgsql as $$
begin
    insert into core.fact_change (brand_id, kind, earliest_at, persons, person_count)
    select brand_id, 'ORDER', min(at), core.journal_persons(array_agg(distinct person)), count(distinct person)
      from (select brand_id, paid_at as at, member_id as person from new_rows
            union all
            select brand_id, paid_at, referral_member_id from new_rows where referral_member_id is not null
            union all
            select n.brand_id, n.paid_at, s.member_id
              from new_rows n
              join core.event s on s.brand_id = n.brand_id and s.share_id = n.referral_share_id
                               and s.share_id is not null and s.type = 'SHARE'
             where n.referral_share_id is not null) touched
     group by brand_id;
    return null;
end $$;

create or replace function core.journal_order_updates() returns trigger language plpgsql as $$
begin
    insert into core.fact_change (brand_id, kind, earliest_at, persons, person_count)
    select brand_id, 'ORDER', min(at), core.journal_persons(array_agg(distinct person)), count(distinct person)
      from (select brand_id, paid_at as at, member_id as buyer, referral_member_id, referral_share_id
              from old_rows
            union all
            select brand_id, paid_at, member_id, referral_member_id, referral_share_id from new_rows) changed
      cross join lateral (select changed.buyer
                          union all select changed.referral_member_id where changed.referral_member_id is not null
                          union all select s.member_id from core.event s
                                     where s.brand_id = changed.brand_id and s.share_id = changed.referral_share_id
                                       and s.share_id is not null and s.type = 'SHARE') credited(person)
     group by brand_id;
    return null;
end $$;

-- A share known late moves the credit of the orders that came through it from their named sharer to its owner.
create or replace function core.journal_events() returns trigger language plpgsql as $$
begin
    insert into core.fact_change (brand_id, kind, earliest_at, persons, person_count)
    select brand_id, 'EVENT', min(at), core.journal_persons(array_agg(distinct person)), count(distinct person)
      from (select brand_id, occurred_at as at, member_id as person from new_rows
            union all
            select n.brand_id, least(n.occurred_at, o.paid_at), o.referral_member_id
              from new_rows n
              join core.orders o on o.brand_id = n.brand_id and o.referral_share_id = n.share_id
                                and o.referral_share_id is not null
             where n.type = 'SHARE' and n.share_id is not null and o.referral_member_id is not null) touched
     group by brand_id;
    return null;
end $$;

-- Events only ever change their person (a merge), never their time.
create function core.journal_event_updates() returns trigger language plpgsql as $$
begin
    insert into core.fact_change (brand_id, kind, earliest_at, persons, person_count)
    select brand_id, 'EVENT', min(at), core.journal_persons(array_agg(distinct person)), count(distinct person)
      from (select brand_id, occurred_at as at, member_id as person from old_rows
            union all
            select brand_id, occurred_at, member_id from new_rows) changed
     group by brand_id;
    return null;
end $$;

drop trigger event_updated on core.event;
create trigger event_updated after update on core.event
    referencing old table as old_rows new table as new_rows for each statement
    execute function core.journal_event_updates();

create or replace function core.journal_erasures() returns trigger language plpgsql as $$
begin
    insert into core.fact_change (brand_id, kind, earliest_at, persons, person_count)
    select n.brand_id, 'ERASURE', min(n.erased_at), core.journal_persons(array_agg(n.id)), count(*)
      from new_rows n join old_rows o on o.brand_id = n.brand_id and o.id = n.id
     where n.erased_at is not null and o.erased_at is null
     group by n.brand_id;
    return null;
end $$;
