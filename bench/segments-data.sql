-- The synthetic brand of bench/segments.sh, written straight into the tables (the ingest path is measured by
-- bench/run.sh, not here). psql variables: brand (its id), persons, orders. Orders and events are written in
-- time order, as a brand's history arrives; 2% of persons are merged, 1% erased.
insert into core.member (brand_id, name, gender, birthday, city, province, registered_at, attributes, created_at, updated_at)
select :brand, 'n' || g, (array['FEMALE','MALE','OTHER'])[1 + g % 3], date '1970-01-01' + (g % 15000),
       (array['杭州','上海','北京','深圳','广州','成都','武汉','南京'])[1 + g % 8], '浙江',
       now() - (g % 1000) * interval '1 day',
       jsonb_build_object('level', (array['gold','silver','bronze'])[1 + g % 3], 'points', g % 1000), now(), now()
  from generate_series(1, :persons) g;
create temp table span as
select min(id) as first, max(id) - min(id) + 1 as count from core.member where brand_id = :brand;
update core.member set merged_into = id - 1, merged_at = now()
 where brand_id = :brand and id % 50 = 0 and id > (select first from span);
update core.member set erased_at = now() where brand_id = :brand and id % 100 = 1;
insert into core.orders (brand_id, order_id, member_id, paid_at, amount, refunded_amount, status, channel, items,
                         received_at, updated_at)
select :brand, 'o' || g, s.first + (hashint8(g) & 2147483647) % s.count,
       now() - interval '730 days' + (g::float8 / :orders) * interval '730 days',
       100 + g % 400,
       case when g % 100 < 8 then 100 + g % 400 when g % 100 < 13 then 50 else 0 end,
       case when g % 100 < 8 then 'REFUNDED' when g % 100 < 13 then 'PARTIALLY_REFUNDED' else 'PAID' end,
       (array['TMALL','WECHAT','STORE'])[1 + g % 3],
       jsonb_build_array(jsonb_build_object('sku', 'SKU-' || (g % 50), 'quantity', 1, 'price', 100 + g % 400)),
       now(), now()
  from generate_series(1, :orders) g, span s;
insert into core.event (brand_id, event_id, member_id, origin_member_id, type, occurred_at, received_at, field,
                        properties, consent_purpose, consent_channel, consent_granted)
select :brand, 'e' || g, m, m, case when g % 10 = 0 then 'CONSENT' else 'VISIT' end,
       now() - interval '730 days' + (g::float8 / (:persons * 3)) * interval '730 days', now(),
       case when g % 10 <> 0 then (array['STORE','LIVE','GROUP_CHAT'])[1 + g % 3] end,
       case when g % 10 <> 0 then jsonb_build_object('page', (array['home','cart','item'])[1 + g % 3]) end,
       case when g % 10 = 0 then 'MARKETING' end,
       case when g % 10 = 0 then (array['SMS','ALL','WECHAT'])[1 + g % 3] end,
       case when g % 10 = 0 then g % 20 <> 0 end
  from generate_series(1, :persons * 3) g, span s, lateral (select s.first + (hashint8(g + 99) & 2147483647) % s.count) p(m);
insert into core.member_tag (brand_id, member_id, tag, tagged_at)
select :brand, id, 'vip', now() from core.member where brand_id = :brand and id % 5 = 0;
insert into core.relationship (brand_id, member_id, field, origin_member_id, connected_at, disconnected_at)
select :brand, id, (array['STORE','GROUP_CHAT','MEMBERSHIP'])[1 + id % 3], id,
       now() - (id % 700) * interval '1 day', case when id % 4 = 0 then now() - (id % 700) * interval '12 hours' end
  from core.member where brand_id = :brand and id % 2 = 0;
vacuum analyze;
