-- The journal is pruned: rows older than the retention (CDP_JOURNAL_RETENTION) are deleted, and the greatest
-- transaction id deleted is kept here. A stored result whose snapshot's xmin is at or below it may have missed a
-- deleted row, so it counts as touched by everything and is computed again whole; results that find nothing
-- touched move their snapshot forward, so only those unread for longer than the retention ever are.
create table core.fact_change_horizon (
    only_row   boolean primary key default true check (only_row),
    pruned_xid xid8    not null
);

insert into core.fact_change_horizon (pruned_xid) values ('0');
