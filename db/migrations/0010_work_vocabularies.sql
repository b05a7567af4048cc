-- A work's vocabulary (the DF-IIF weights the spoiler tagger reads), kept once built. Building it reads and tokenizes
-- the texts of the work's newest 300 reviews and their comments, which was PostgreSQL's most expensive statement and a
-- quarter of the scraper's CPU when scraping into a loaded database, repeated by every worker process for every work
-- (bench/README.md, Performance). It is reused until the work has grown by more than a tenth of the reviews it was built
-- from, and only by the build that wrote it (built_by).
create table work_vocabularies (
    work_id    bigint      primary key references works (id) on delete cascade,
    built_by   text        not null,
    reviews    integer     not null,
    built_at   timestamptz not null default now(),
    words      bytea       not null
);
