-- 0019: a review as a reader at each tolerance sees it, stored. GET /reviews/{id} read the review's 10-60 block rows,
-- masked them and wrote them as JSON on every request, for a review that changes only when it is written again; the
-- API's share of the request was twice PostgreSQL's (bench/README.md, Performance). Core decides the masked blocks
-- (ReviewDecision.Views: placeholders for hidden blocks, the default mask) when the review is written, and Data stores
-- them here as the JSON array the API sends, so the default read is one row by primary key. The other mask modes and
-- the HTML form are still made from the blocks. A review without its views (none until the migrator decides it again:
-- ReviewDecider.RulesVersion 2) is read from its blocks, as before.
create table review_views (
    review_id      bigint   not null references reviews (id) on delete cascade,
    tolerance      smallint not null check (tolerance between 0 and 2),
    hidden_blocks  integer  not null,
    -- UTF-8 JSON, an array of the API's BlockResponse; bytea so it reaches the response without a text decoding.
    blocks         bytea    not null,
    primary key (review_id, tolerance)
);
