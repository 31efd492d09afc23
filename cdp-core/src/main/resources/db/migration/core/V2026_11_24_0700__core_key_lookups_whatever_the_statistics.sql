-- Key lookups (an event, an order or an identity by its key, one per line of a bulk load) must use the key's own
-- index whatever the planner's statistics say. Statistics taken while a brand had no rows (the state of every
-- brand before its first large load, with autovacuum or without) make the planner expect one row for the brand,
-- and any other index leading with brand_id then looks as cheap as the key's: it was chosen, and each lookup read
-- all the brand's rows (340,000 events in 18 minutes at 1M persons). So no other index leads with brand_id where
-- it need not (member ids are unique across brands), and the orders, which need brand-wide time ranges, have their
-- key first: their lookups state the brand as an expression no brand_id index can serve (OrderService).
drop index core.event_member_time_idx;
create index event_member_time_idx on core.event (member_id, occurred_at);

drop index core.identity_member_idx;
create index identity_member_idx on core.identity (member_id);

alter table core.orders drop constraint orders_pkey, add constraint orders_pkey primary key (order_id, brand_id);
