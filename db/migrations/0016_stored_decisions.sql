-- 0016: what a reader is shown of a review is decided once, when the review is written (scrape, re-tag, correction),
-- by Core's ReviewDecider, and stored here; reads serve it with one indexed statement. No spoiler or rating rule is
-- written in SQL: the columns below are filled by the application, and `decided_rules` says which version of Core's
-- rules filled them (null: not yet). The migrator decides every review whose rules are missing or older before the
-- database is used, so reviews stored before this migration are decided by the same code as new ones.

alter table reviews
    add column decided_rules      integer,
    add column safe_title         text,
    add column title_replaced     boolean not null default false,
    add column excerpt            text    not null default '',
    add column excerpt_truncated  boolean not null default false,
    add column premise_blocks     integer not null default 0,
    add column major_blocks       integer not null default 0,
    add column comment_count      integer not null default 0,
    -- Whether the rating counts as positive (Core's RatingStatistics); null when unrated or not yet decided.
    add column rating_positive    boolean;

-- The tagger's verdict stays in spoiler_level, warning, reasons and sentences (what `nlmg retag` starts from); the
-- effective one, after corrections, is beside it. visible_from is the lowest tolerance (0 none, 1 premise, 2 all) that
-- shows the block.
alter table review_blocks
    add column decided_level      smallint check (decided_level between 0 and 2),
    add column decided_warning    boolean,
    add column decided_reasons    text[],
    add column decided_sentences  integer[],
    add column visible_from       smallint check (visible_from between 0 and 2);

-- A comment's verdict after quote inheritance (a reply quoting a spoiler takes its level), decided with its review.
alter table comment_blocks
    add column decided_level      smallint check (decided_level between 0 and 2),
    add column decided_warning    boolean,
    add column decided_reasons    text[];

-- The text search may match, one document per review and tolerance: only the blocks that tolerance shows, so hidden
-- text can never make a review match. One partial index per tolerance, so a search reads only its own documents.
create table review_search (
    review_id  bigint   not null references reviews (id) on delete cascade,
    tolerance  smallint not null check (tolerance between 0 and 2),
    document   tsvector not null,
    primary key (review_id, tolerance)
);
create index review_search_none on review_search using gin (document) where tolerance = 0;
create index review_search_premise on review_search using gin (document) where tolerance = 1;
create index review_search_all on review_search using gin (document) where tolerance = 2;

-- Blocks are no longer searched one by one: their tsvector stays only to pick a hit's snippet within its review.
drop index review_blocks_tsv;

-- The site feed (newest across all works) and the spoiler-free list of a work, each read in index order.
create index reviews_recent on reviews ((coalesce(published_at, fetched_at)) desc, id desc);
create index reviews_work_spoiler_free on reviews (work_id, coalesce(published_at, '-infinity'::timestamptz) desc, id desc)
    where not contains_spoilers;

-- The counters count a positive review by the stored decision instead of a threshold typed here (0003-0009 had 60).
create or replace function work_rating_stats_apply(p_work bigint, p_score double precision, p_positive boolean, p_sign integer) returns void
language plpgsql as $$
declare
    slot integer;
begin
    insert into work_rating_stats (work_id) values (p_work) on conflict (work_id) do nothing;
    if p_score is null then
        update work_rating_stats set unrated = unrated + p_sign, version = version + 1 where work_id = p_work;
    else
        slot := round(p_score::numeric * 10)::int + 1;
        update work_rating_stats
        set rated = rated + p_sign,
            positive = positive + case when p_positive then p_sign else 0 end,
            total = total + p_sign * p_score,
            tenths[slot] = tenths[slot] + p_sign,
            version = version + 1
        where work_id = p_work;
    end if;
end $$;

create or replace function work_rating_stats_trigger() returns trigger
language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform work_rating_stats_apply(old.work_id, old.rating_normalized, old.rating_positive, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform work_rating_stats_apply(new.work_id, new.rating_normalized, new.rating_positive, 1);
    end if;
    return null;
end $$;

drop function work_rating_stats_apply(bigint, double precision, integer);

drop trigger reviews_rating_stats on reviews;
create constraint trigger reviews_rating_stats
after insert or delete or update of work_id, rating_raw, rating_value, rating_scale, rating_normalized, rating_positive on reviews
deferrable initially deferred
for each row execute function work_rating_stats_trigger();

-- Every stored rated review is counted as not positive until the migrator decides it (rating_positive null -> its
-- decision), which then adds it back: the counters never hold a count made by the old threshold.
update work_rating_stats set positive = 0;
