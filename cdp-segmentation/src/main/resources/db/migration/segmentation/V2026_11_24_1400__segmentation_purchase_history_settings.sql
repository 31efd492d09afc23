-- The settings the histories were computed under: a settings change that commits while a whole computation is
-- under way cannot delete what that computation has not committed yet, so each refresh compares these with the
-- brand's settings and computes again on a difference. Histories computed before are computed again.
delete from segmentation.purchase_history;
delete from segmentation.purchase_history_state;
alter table segmentation.purchase_history_state
    add column timezone              varchar(64) not null,
    add column min_qualifying_amount numeric     not null;
