-- Tier snapshots and RFM runs are derived from the facts and computed again from them whenever asked for, so they
-- are not written twice (write-ahead log and table): unlogged, a crash empties them all together (periods with
-- their persons, runs with theirs), and the next request computes them anew. The foreign key from a person's tier
-- to its period cost a lookup per row (a period holds a row per person, a million of them); the period's rows are
-- deleted with it by the code instead. The index by tier is dropped: every reader of a period reads its rows by
-- the primary key, and each index is one more write per row.
alter table segmentation.tier_snapshot drop constraint tier_snapshot_brand_id_period_id_fkey;
drop index segmentation.tier_snapshot_tier_idx;
alter table segmentation.tier_period set unlogged;
alter table segmentation.tier_snapshot set unlogged;
alter table segmentation.rfm_run set unlogged;
alter table segmentation.rfm_person set unlogged;
