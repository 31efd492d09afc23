-- Lookups by a key (an event, an order or an identity by its key, one per line of a bulk load) and by a person
-- (the events of a member whose relationships are recomputed) must use the index made for them whatever the
-- planner's statistics say. Statistics taken while a brand had no rows (the state of every brand before its first
-- large load, with autovacuum or without) make the planner expect one row for the brand, and any index leading
-- with brand_id then looks as cheap as the right one: it was chosen, and each lookup read all the brand's rows
-- (340,000 events in 18 minutes at 1M persons). So keys come first in the primary keys, and the indexes by person
-- lead with the person (member ids are unique across brands). The orders keep their brand-wide time indexes;
-- their key lookups state the brand as an expression no brand_id index can serve (OrderService).
alter table core.event drop constraint event_pkey, add constraint event_pkey primary key (event_id, brand_id);
drop index core.event_member_time_idx;
create index event_member_time_idx on core.event (member_id, occurred_at);

alter table core.identity drop constraint identity_pkey,
    add constraint identity_pkey primary key (lookup_key, type, brand_id);
drop index core.identity_member_idx;
create index identity_member_idx on core.identity (member_id);

alter table core.orders drop constraint orders_pkey, add constraint orders_pkey primary key (order_id, brand_id);
