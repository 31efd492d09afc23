-- A client's Idempotency-Key on POST .../campaigns, with a digest of the request it came with: a retry of that
-- request answers the campaign it created; the key sent with another request is refused.
alter table campaign.campaign
    add column creation_key    varchar(128),
    add column creation_digest varchar(64);

create unique index campaign_creation_key_idx on campaign.campaign (brand_id, creation_key)
    where creation_key is not null;
