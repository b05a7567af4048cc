-- 0002: operating the scraper: per-host politeness budget and robots.txt cache, HTTP validators for re-scrapes,
-- sources (sitemaps, feeds) and the counters behind GET /metrics. Times are the database's clock (clock_timestamp()),
-- so workers on several machines share one notion of "now" for a host's budget.

-- One row per origin (scheme://host[:port]): the politeness budget every worker shares.
create table scrape_hosts (
    origin             text        primary key,
    -- One request at a time: the worker holding the host until busy_until (a lease, in case it dies).
    busy_by            text,
    busy_until         timestamptz,
    -- No request starts before this (configured delay, Crawl-delay, Retry-After).
    next_allowed_at    timestamptz not null default '-infinity',
    robots_txt         text,
    robots_status      integer,
    robots_fetched_at  timestamptz,
    updated_at         timestamptz not null default now(),
    constraint scrape_hosts_busy check ((busy_by is null) = (busy_until is null))
);

-- HTTP validators of the last successful fetch, keyed by the URL the job fetched (the canonical job URL).
create table page_validators (
    url            text        primary key,
    etag           text,
    last_modified  text,
    -- SHA-256 of the body as fetched: the same bytes again need no extraction.
    content_hash   text,
    review_id      bigint      references reviews (id) on delete set null,
    checked_at     timestamptz not null
);

-- Sitemaps and feeds whose entries become jobs.
create table scrape_sources (
    id              bigint generated always as identity primary key,
    url             text        not null unique,
    kind            text        not null check (kind in ('sitemap', 'feed')),
    created_at      timestamptz not null default now(),
    last_polled_at  timestamptz,
    last_error      text,
    entry_count     integer     not null default 0
);

-- Entries already turned into jobs: a new entry is one not in this table.
create table scrape_source_entries (
    source_id  bigint      not null references scrape_sources (id) on delete cascade,
    url        text        not null,
    seen_at    timestamptz not null default now(),
    primary key (source_id, url)
);

alter table scrape_jobs
    -- Short class of the last failure (timeout, http_status, too_large, robots, ...), for metrics by reason.
    add column failure_kind text,
    add column source_id bigint references scrape_sources (id) on delete set null;

-- Monotonic counters written by every worker and read by the API's /metrics (name + label → value).
create table scrape_metrics (
    name   text   not null,
    label  text   not null default '',
    value  double precision not null default 0,
    primary key (name, label)
);
