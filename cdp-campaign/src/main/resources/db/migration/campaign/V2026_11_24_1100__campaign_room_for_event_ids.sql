-- An occurrence names the event behind it ('join:' and an event id of up to 128 characters), and a message's
-- idempotency key holds its occurrence: at 64 and 160 characters, one client's long event id failed every
-- evaluation of a WELCOME campaign from then on. Widening a varchar rewrites nothing.
alter table campaign.coupon alter column occurrence type varchar(160);
alter table campaign.audience_member alter column occurrence type varchar(160);
alter table campaign.message alter column occurrence type varchar(160),
                             alter column idempotency_key type varchar(256);
