-- 0017: search ranks a compact copy of each search document. ts_rank read the whole document of every match (a review's
-- every visible word with all its positions, 2.8 KB compressed, so stored out of line in TOAST): 14 µs per match in
-- memory and about 100 µs at 100,000 reviews, where the documents no longer fit in memory (bench/README.md,
-- Performance). The copy keeps each lexeme's first three positions: 1.4 KB, stored in the row itself. The rank counts a
-- word's occurrences up to three (more say little more about the match) and their proximity; matching, phrases
-- included, still reads the whole document through its GIN index.
create function search_rank_document(document tsvector) returns tsvector
language sql immutable strict parallel safe
return (
    select coalesce(string_agg(quote_literal(u.lexeme) || coalesce(':' || array_to_string(u.positions[1:3], ','), ''), ' '), '')::tsvector
    from unnest(document) as u
);

alter table review_search
    add column rank_document tsvector generated always as (search_rank_document(document)) stored;
