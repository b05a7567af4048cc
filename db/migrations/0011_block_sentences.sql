-- A review block's sentences as the tagger saw them, so a reader can hide one sentence instead of the paragraph
-- (GET /reviews/{id}?mask=sentences): (start, end, level) triplets, flattened, characters [start, end) of the block's
-- text. Null for blocks stored before this column existed until `nlmg retag` writes them; a null or an operator's or the
-- readers' level override keeps the block hidden whole. Comment blocks are always hidden whole.
alter table review_blocks add column sentences integer[];
