using NeverLetMeGo.Core.Model;
using Npgsql;

namespace NeverLetMeGo.Data.Reviews;

/// <summary>Writes extracted reviews: upsert by canonical URL, one transaction per review.</summary>
public sealed class ReviewStore(NpgsqlDataSource db)
{
    /// <summary>
    /// Upserts the work (by normalized title), the site (by host), the review (by canonical URL) and replaces its blocks
    /// and comments. Same content hash as stored: only fetched_at is touched and the outcome is Unchanged.
    /// </summary>
    public Task<SaveResult> SaveAsync(Review review, string contentHash, DateTimeOffset fetchedAt, CancellationToken ct)
        => throw new NotImplementedException(db.ToString());
}
