-- 0003: what the spoiler-safe surfaces need: reader reports and operator corrections of block levels (with an audit
-- trail), full-text search over single blocks (so a match and its snippet come from one block whose level is known),
-- and per-work rating statistics kept current by trigger so the aggregate answers in constant time.

-- Full-text search per block: a search filters blocks by effective level before matching, never after.
alter table review_blocks add column tsv tsvector generated always as (to_tsvector('english', text)) stored;
create index review_blocks_tsv on review_blocks using gin (tsv);

-- The level a block is corrected to. Keyed by review and ordinal (not a block row): a re-scrape replaces the blocks
-- but keeps the correction.
create table block_level_overrides (
    review_id   bigint      not null references reviews (id) on delete cascade,
    ordinal     integer     not null,
    level       smallint    not null check (level between 0 and 2),
    source      text        not null check (source in ('reports', 'operator')),
    updated_at  timestamptz not null default now(),
    primary key (review_id, ordinal)
);

create table block_reports (
    id          bigint generated always as identity primary key,
    review_id   bigint      not null references reviews (id) on delete cascade,
    ordinal     integer     not null,
    level       smallint    not null check (level between 0 and 2),
    -- A hash of the reporting client, so one client counts once per block and level.
    client      text        not null,
    created_at  timestamptz not null default now(),
    unique (review_id, ordinal, client)
);

create table block_level_audit (
    id          bigint generated always as identity primary key,
    review_id   bigint      not null references reviews (id) on delete cascade,
    ordinal     integer     not null,
    from_level  smallint    not null,
    to_level    smallint    not null,
    actor       text        not null,
    changed_at  timestamptz not null default now()
);
create index block_level_audit_block on block_level_audit (review_id, ordinal, changed_at);

-- Rating statistics per work. Scores are counted in half-point buckets 0, 0.5, … 100 (201 counters), so the median and
-- the histogram come from a fixed-size array whatever the number of reviews; the mean uses the exact sum.
create table work_rating_stats (
    work_id   bigint           primary key references works (id) on delete cascade,
    rated     integer          not null default 0,
    unrated   integer          not null default 0,
    positive  integer          not null default 0,
    total     double precision not null default 0,
    buckets   integer[]        not null default array_fill(0, array[201])
);

create function work_rating_stats_apply(p_work bigint, p_score double precision, p_sign integer) returns void
language plpgsql as $$
begin
    insert into work_rating_stats (work_id) values (p_work) on conflict (work_id) do nothing;
    if p_score is null then
        update work_rating_stats set unrated = unrated + p_sign where work_id = p_work;
    else
        update work_rating_stats
        set rated = rated + p_sign,
            positive = positive + case when p_score >= 60 then p_sign else 0 end,
            total = total + p_sign * p_score,
            buckets[round(p_score * 2)::int + 1] = buckets[round(p_score * 2)::int + 1] + p_sign
        where work_id = p_work;
    end if;
end $$;

create function work_rating_stats_trigger() returns trigger
language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform work_rating_stats_apply(old.work_id, old.rating_normalized, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform work_rating_stats_apply(new.work_id, new.rating_normalized, 1);
    end if;
    return null;
end $$;

create trigger reviews_rating_stats
after insert or delete or update of work_id, rating_normalized on reviews
for each row execute function work_rating_stats_trigger();

-- Reviews stored before this migration.
insert into work_rating_stats (work_id) select id from works;
select work_rating_stats_apply(work_id, rating_normalized, 1) from reviews;
