-- 0015: an operator can delete a review (DELETE /admin/reviews/{id}, nlmg reviews delete). The review's blocks,
-- comments, reports and level audit go with it (on delete cascade), so the deletion is recorded here, where it outlives
-- the row: no foreign key, the ids are kept as they were.
create table review_deletions (
    id          bigint generated always as identity primary key,
    review_id   bigint      not null,
    work_id     bigint      not null,
    url         text        not null,
    actor       text        not null,
    deleted_at  timestamptz not null default now()
);
create index review_deletions_review on review_deletions (review_id);
