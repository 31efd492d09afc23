-- What changed since a given time: refreshes that follow the orders incrementally (RFM, tiers, segments) read
-- orders by updated_at, which every write of an order row sets (an insert, a changed resend, a merge).
create index orders_changed_idx on core.orders (brand_id, updated_at);

-- One bulk load: a bulk request's body, or an import spooled to disk and loaded in the background. Progress is
-- committed with each batch of lines, in the batch's transaction: byte_offset and lines_read are exactly the
-- lines whose records (or rejections) are stored, so an import resumes after a restart without losing or
-- repeating a line.
create table core.import_job (
    brand_id       bigint       not null references core.brand (id),
    id             bigint       generated always as identity,
    kind           varchar(8)   not null check (kind in ('EVENTS', 'ORDERS')),
    format         varchar(8)   not null check (format in ('NDJSON', 'CSV')),
    mode           varchar(8)   not null check (mode in ('REQUEST', 'IMPORT')),
    state          varchar(12)  not null
        check (state in ('RECEIVING', 'QUEUED', 'RUNNING', 'COMPLETED', 'INTERRUPTED', 'FAILED')),
    gzip           boolean      not null default false,
    spool_file     varchar(500),
    bytes_total    bigint,
    byte_offset    bigint       not null default 0,
    lines_read     bigint       not null default 0,
    accepted       bigint       not null default 0,
    updated        bigint       not null default 0,
    duplicate      bigint       not null default 0,
    rejected       bigint       not null default 0,
    message        varchar(1000),
    created_at     timestamptz  not null,
    started_at     timestamptz,
    progressed_at  timestamptz,
    finished_at    timestamptz,
    primary key (brand_id, id)
);

create index import_job_unfinished_idx on core.import_job (state) where state in ('RECEIVING', 'QUEUED', 'RUNNING');

-- Every rejected line of a load, with the reason.
create table core.import_rejection (
    brand_id bigint        not null,
    job_id   bigint        not null,
    line     bigint        not null,
    reason   varchar(1000) not null,
    primary key (brand_id, job_id, line),
    foreign key (brand_id, job_id) references core.import_job (brand_id, id)
);
