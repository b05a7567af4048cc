-- 0018: a search never reads the GIN indexes' pending list. With fastupdate (the default), new documents' entries wait in
-- an unsorted list that every search scans whole, match or not, until vacuum merges it: after a load of 10,000 reviews
-- review_search_none held 188 pending pages, and a search for a name read them all (0.4 of its 0.76 ms warm, EXPLAIN
-- ANALYZE, BUFFERS; bench/README.md, Performance). Without it, a write puts its entries into the index at once: a write
-- costs a little more, a read pays nothing for it.
alter index review_search_none set (fastupdate = off);
alter index review_search_premise set (fastupdate = off);
alter index review_search_all set (fastupdate = off);

-- What is pending now goes into the index proper (turning fastupdate off does not flush it).
select gin_clean_pending_list('review_search_none'::regclass);
select gin_clean_pending_list('review_search_premise'::regclass);
select gin_clean_pending_list('review_search_all'::regclass);
