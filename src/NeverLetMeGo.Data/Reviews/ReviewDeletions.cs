using Dapper;
using Npgsql;

namespace NeverLetMeGo.Data.Reviews;

/// <summary>A deleted review as recorded in review_deletions: which, from which work, by whom, when.</summary>
public sealed record ReviewDeletion(long ReviewId, long WorkId, string Url, string Actor, DateTimeOffset DeletedAt);

/// <summary>Deletes reviews on an operator's word and keeps the record of it.</summary>
public sealed class ReviewDeletions(NpgsqlDataSource db)
{
    /// <summary>Deletes the review with its blocks and comments and records who did it; null when there is no such review.</summary>
    public async Task<ReviewDeletion?> DeleteAsync(long reviewId, string actor, CancellationToken ct)
    {
        // The fetch validators go too: otherwise a later scrape of the same page would answer 304 or "identical body"
        // and never store the review again. The work's counters follow through the rating trigger at commit, so a work
        // left with no reviews drops out of the lists.
        const string sql = """
            delete from page_validators where review_id = @reviewId;
            with gone as (delete from reviews where id = @reviewId returning id, work_id, url)
            insert into review_deletions (review_id, work_id, url, actor)
            select id, work_id, url, @actor from gone
            returning review_id, work_id, url, actor, deleted_at;
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<DeletionRecord>(new CommandDefinition(sql, new { reviewId, actor }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return row is null ? null : new ReviewDeletion(row.ReviewId, row.WorkId, row.Url, row.Actor, SqlMapping.Offset(row.DeletedAt));
    }

    /// <summary>The recorded deletions of one review id, oldest first.</summary>
    public async Task<IReadOnlyList<ReviewDeletion>> ListAsync(long reviewId, CancellationToken ct)
    {
        const string sql = """
            select review_id, work_id, url, actor, deleted_at
            from review_deletions
            where review_id = @reviewId
            order by deleted_at, id
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<DeletionRecord>(new CommandDefinition(sql, new { reviewId }, cancellationToken: ct));
        return [.. rows.Select(r => new ReviewDeletion(r.ReviewId, r.WorkId, r.Url, r.Actor, SqlMapping.Offset(r.DeletedAt)))];
    }

    private sealed class DeletionRecord
    {
        public long ReviewId { get; init; }
        public long WorkId { get; init; }
        public string Url { get; init; } = "";
        public string Actor { get; init; } = "";
        public DateTime DeletedAt { get; init; }
    }
}
