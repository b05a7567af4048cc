-- 0001: the foundation schema. Forward-only: later changes go in new numbered files.
-- Times are timestamptz (UTC on the wire); ids are bigint identities.

create table works (
    id          bigint generated always as identity primary key,
    title       text        not null,
    -- Lower-cased, whitespace-collapsed title: one row per work however pages spell it.
    title_key   text        not null unique,
    created_at  timestamptz not null default now()
);

create table sites (
    id          bigint generated always as identity primary key,
    host        text        not null unique,
    name        text        not null,
    created_at  timestamptz not null default now()
);

create table reviews (
    id                 bigint generated always as identity primary key,
    work_id            bigint           not null references works (id),
    site_id            bigint           not null references sites (id),
    -- Canonical URL: one review is one row, whatever the number of scrapes.
    url                text             not null unique,
    title              text,
    author             text,
    published_at       timestamptz,
    rating_raw         text,
    rating_value       double precision,
    rating_scale       double precision,
    rating_normalized  double precision check (rating_normalized between 0 and 100),
    contains_spoilers  boolean          not null,
    max_spoiler_level  smallint         not null check (max_spoiler_level between 0 and 2),
    content_hash       text             not null,
    fetched_at         timestamptz      not null,
    created_at         timestamptz      not null default now(),
    updated_at         timestamptz      not null default now(),
    -- A rating is stored whole or not at all; an unrated review is never averaged.
    constraint reviews_rating_whole check (
        (rating_value is null) = (rating_normalized is null)
        and (rating_scale is null) = (rating_normalized is null))
);

-- Newest-first keyset paging of a work's reviews (undated reviews last).
create index reviews_work_newest on reviews (work_id, coalesce(published_at, '-infinity'::timestamptz) desc, id desc);
create index reviews_site on reviews (site_id);

create table review_blocks (
    review_id      bigint           not null references reviews (id) on delete cascade,
    ordinal        integer          not null,
    kind           text             not null check (kind in ('heading', 'paragraph', 'listItem', 'quote')),
    text           text             not null,
    spoiler_level  smallint         not null check (spoiler_level between 0 and 2),
    warning        boolean          not null,
    spoiler_score  double precision not null,
    reasons        text[]           not null default '{}',
    primary key (review_id, ordinal)
);

create table comments (
    id            bigint generated always as identity primary key,
    review_id     bigint      not null references reviews (id) on delete cascade,
    -- The comment's id within its page; replies are linked by parent_id, not by this.
    external_id   text        not null,
    parent_id     bigint      references comments (id) on delete cascade,
    author        text,
    published_at  timestamptz,
    ordinal       integer     not null,
    unique (review_id, ordinal)
);

create index comments_parent on comments (parent_id) where parent_id is not null;

create table comment_blocks (
    comment_id     bigint           not null references comments (id) on delete cascade,
    ordinal        integer          not null,
    kind           text             not null check (kind in ('heading', 'paragraph', 'listItem', 'quote')),
    text           text             not null,
    spoiler_level  smallint         not null check (spoiler_level between 0 and 2),
    warning        boolean          not null,
    spoiler_score  double precision not null,
    reasons        text[]           not null default '{}',
    primary key (comment_id, ordinal)
);

-- The scrape queue. Claims use FOR UPDATE SKIP LOCKED; a running job holds a lease (locked_until)
-- that a heartbeat can extend and that another worker may take over once it has expired.
create table scrape_jobs (
    id            bigint generated always as identity primary key,
    url           text        not null,
    state         text        not null default 'pending' check (state in ('pending', 'running', 'done', 'dead')),
    attempts      integer     not null default 0 check (attempts >= 0),
    last_error    text,
    outcome       text,
    review_id     bigint      references reviews (id) on delete set null,
    run_after     timestamptz not null,
    locked_by     text,
    locked_until  timestamptz,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    constraint scrape_jobs_lease check ((state = 'running') = (locked_until is not null))
);

-- At most one open job per URL, so enqueuing a page twice is harmless.
create unique index scrape_jobs_open_url on scrape_jobs (url) where state in ('pending', 'running');
-- Claim order: due pending jobs and expired leases, oldest first.
create index scrape_jobs_claim on scrape_jobs (run_after, id) where state in ('pending', 'running');
create index scrape_jobs_state on scrape_jobs (state, updated_at desc);

-- Small process-wide facts, e.g. that the sample corpus has been imported.
create table app_state (
    key         text        primary key,
    value       text        not null,
    updated_at  timestamptz not null default now()
);
