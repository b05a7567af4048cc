-- 0004: work knowledge for the spoiler tagger. Operators name a work's known spoiler terms ("Rosebud", major, for
-- Citizen Kane); the tagger tags every sentence that mentions one. The work's own vocabulary (DF-IIF) is computed from
-- its stored reviews when tagging, so it needs no table.

create table work_spoiler_terms (
    work_id     bigint      not null references works (id) on delete cascade,
    term        text        not null check (length(btrim(term)) between 1 and 200),
    -- Lower-cased and trimmed: one row per term however it is spelled; posting it again changes its level.
    term_key    text        not null,
    level       smallint    not null check (level between 1 and 2),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    primary key (work_id, term_key)
);
