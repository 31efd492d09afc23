-- Each scored person's values in the brand's latest RFM run: late orders recompute the persons they touched, and
-- the cut points and cells follow from these rows alone. Older runs keep their figures only. Runs computed before
-- this table existed have no persons: they are dropped, and computed again when asked for.
create table segmentation.rfm_person (
    brand_id  bigint  not null,
    as_of     date    not null,
    member_id bigint  not null,
    recency   integer not null,
    frequency integer not null,
    monetary  numeric not null,
    primary key (brand_id, as_of, member_id)
);

delete from segmentation.rfm_run;
