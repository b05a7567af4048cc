-- 0006: an exact median and complete, paged rating contributions.
--
-- Every normalized score is rounded to one decimal by the rating parser (x/4, x/5, x/6, x/10, x/20, x/100, stars with
-- halves, "x out of y", the letter-grade ladder and schema.org bestRating/worstRating all go through that rounding), so
-- a score takes one of 1001 values 0.0, 0.1, … 100.0. Counting scores in tenth-point buckets therefore loses nothing:
-- the median read from the buckets is exact, and the read stays one fixed-size row per work. The check below makes the
-- resolution an invariant of the table rather than a habit of the parser (float8 to numeric keeps 15 significant
-- digits, which is exact for n/10 with n up to 1000).
alter table reviews add constraint reviews_rating_tenths
    check (rating_normalized is null or rating_normalized::numeric = round(rating_normalized::numeric, 1));

alter table work_rating_stats drop column buckets;
alter table work_rating_stats add column tenths integer[] not null default array_fill(0, array[1001]);

create or replace function work_rating_stats_apply(p_work bigint, p_score double precision, p_sign integer) returns void
language plpgsql as $$
declare
    slot integer;
begin
    insert into work_rating_stats (work_id) values (p_work) on conflict (work_id) do nothing;
    if p_score is null then
        update work_rating_stats set unrated = unrated + p_sign where work_id = p_work;
    else
        slot := round(p_score::numeric * 10)::int + 1;
        update work_rating_stats
        set rated = rated + p_sign,
            positive = positive + case when p_score >= 60 then p_sign else 0 end,
            total = total + p_sign * p_score,
            tenths[slot] = tenths[slot] + p_sign
        where work_id = p_work;
    end if;
end $$;

-- Rebuild every work's counters with the new buckets.
update work_rating_stats set rated = 0, unrated = 0, positive = 0, total = 0;
select work_rating_stats_apply(work_id, rating_normalized, 1) from reviews;

-- Contributions are listed best first and paged by (score, id); this index serves each page without a sort.
create index reviews_work_rating on reviews (work_id, rating_normalized desc, id desc) where rating_normalized is not null;
