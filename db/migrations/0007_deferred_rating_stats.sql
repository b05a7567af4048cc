-- The per-work rating counters were updated as each review row was written, so a save held the work's counter row
-- locked from its insert to its commit, and concurrent saves of one work's reviews (a busy film, several workers)
-- queued behind each other for their whole transactions. As a deferred constraint trigger the counters are updated at
-- commit, with the row values each change had; the lock is held only for the commit itself.
drop trigger reviews_rating_stats on reviews;

create constraint trigger reviews_rating_stats
after insert or delete or update of work_id, rating_normalized on reviews
deferrable initially deferred
for each row execute function work_rating_stats_trigger();
