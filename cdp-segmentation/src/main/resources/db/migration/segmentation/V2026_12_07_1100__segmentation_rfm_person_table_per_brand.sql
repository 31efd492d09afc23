-- Each brand's RFM values (those of its latest run) become a table of their own, a partition of
-- segmentation.rfm_person, which readers query as before: a run computed whole writes its values into a new table
-- with CREATE TABLE AS (PostgreSQL computes them in parallel) and swaps it in for the old one, instead of copying
-- them from a temporary table into the shared one after deleting the previous run's. Derived data: the runs are
-- dropped and computed again when next asked for.
delete from segmentation.rfm_run;
drop table segmentation.rfm_person;
create table segmentation.rfm_person (
    brand_id  bigint  not null,
    as_of     date    not null,
    member_id bigint  not null,
    recency   integer not null,
    frequency integer not null,
    monetary  numeric not null,
    primary key (brand_id, as_of, member_id)
) partition by list (brand_id);
