-- A work's rating lists its best contributions on every GET /works/{id}/rating. The old index found them in order but
-- each of the 51 rows was then read from the table, scattered over as many pages for a popular work; carrying the
-- three columns the list shows lets PostgreSQL answer it from the index alone.
create index reviews_work_rating_cover on reviews (work_id, rating_normalized desc, id desc)
    include (rating_raw, rating_value, rating_scale)
    where rating_normalized is not null;

drop index reviews_work_rating;
