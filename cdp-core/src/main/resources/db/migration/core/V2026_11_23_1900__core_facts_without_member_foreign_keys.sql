-- Orders and events are the brand's millions of facts; their member columns lose the foreign key to core.member.
-- A foreign key is checked row by row (a lookup and a row lock on the member): on a bulk load that check cost
-- as much as writing the order itself. The rule it enforced holds by construction instead: a member row is never
-- deleted once anything points at it (a merge keeps the merged row as a pointer, an erasure keeps the id; only a
-- member a bulk batch made a moment before and then could not use is removed, before any fact is written), and
-- these columns are only ever set to a member the writing transaction resolved and locked (BatchResolver,
-- IdentityResolver), or to a merge survivor. Identities, relationships and the other per-person tables keep theirs.
alter table core.orders drop constraint orders_brand_id_member_id_fkey;
alter table core.orders drop constraint orders_brand_id_referral_member_id_fkey;
alter table core.event drop constraint event_brand_id_member_id_fkey;
