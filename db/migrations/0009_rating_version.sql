-- GET /works/{id}/rating is served from a per-process cache of the rendered aggregate, checked on every request against
-- this counter (one primary-key read). Every change that can alter the aggregate or its listed contributions bumps it:
-- a review added, removed, moved to another work, or its rating changed, including a rating rewritten on another scale
-- with the same normalized score ("8/10" becoming "4/5"), which the counters alone would not show.
alter table work_rating_stats add column version bigint not null default 0;

create or replace function work_rating_stats_apply(p_work bigint, p_score double precision, p_sign integer) returns void
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
            positive = positive + case when p_score >= 60 then p_sign else 0 end,
            total = total + p_sign * p_score,
            tenths[slot] = tenths[slot] + p_sign,
            version = version + 1
        where work_id = p_work;
    end if;
end $$;

drop trigger reviews_rating_stats on reviews;

create constraint trigger reviews_rating_stats
after insert or delete or update of work_id, rating_raw, rating_value, rating_scale, rating_normalized on reviews
deferrable initially deferred
for each row execute function work_rating_stats_trigger();
