using Npgsql;

namespace NeverLetMeGo.Data.Reviews;

public sealed class ReviewQueries(NpgsqlDataSource db)
{
    public Task<ReviewRow?> GetAsync(long id, CancellationToken ct) => throw new NotImplementedException(db.ToString());

    /// <summary>Newest first; returns up to limit rows strictly after the cursor.</summary>
    public Task<IReadOnlyList<ReviewSummaryRow>> ListForWorkAsync(long workId, int limit, ReviewCursor? after, CancellationToken ct)
        => throw new NotImplementedException();

    /// <summary>All comments of a review in page order, each with its blocks; empty when none (or no such review).</summary>
    public Task<IReadOnlyList<CommentRow>> GetCommentsAsync(long reviewId, CancellationToken ct) => throw new NotImplementedException();

    public Task<bool> ExistsAsync(long id, CancellationToken ct) => throw new NotImplementedException();
}
