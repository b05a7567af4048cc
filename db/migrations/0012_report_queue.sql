-- Reader reports may raise a block's level on their own (the safe direction); reports that would lower it wait here for
-- an operator, who accepts (the level changes, audited in block_level_audit) or rejects them. At most one pending
-- request per block: later reports update its level and count.
create table level_requests (
    id          bigint generated always as identity primary key,
    review_id   bigint      not null references reviews (id) on delete cascade,
    ordinal     integer     not null,
    from_level  smallint    not null check (from_level between 0 and 2),
    to_level    smallint    not null check (to_level between 0 and 2),
    reports     integer     not null,
    state       text        not null default 'pending' check (state in ('pending', 'accepted', 'rejected')),
    created_at  timestamptz not null default now(),
    decided_at  timestamptz,
    decided_by  text
);
create unique index level_requests_one_pending on level_requests (review_id, ordinal) where state = 'pending';
create index level_requests_state on level_requests (state, id);
