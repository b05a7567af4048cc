using Dapper;
using NeverLetMeGo.Data.Works;

namespace NeverLetMeGo.Data.Reviews;

public sealed partial class ReviewQueries
{
    // Each filter in use adds its own condition, so every combination is its own statement: a prepared statement with
    // "@x is null or …" conditions got a generic plan that read all of a popular work's reviews (240 ms instead of 1 ms).
    private const string MinRatingFilter = "\n  and r.rating_normalized >= @minRating";
    private const string SiteFilter = "\n  and s.host = @site";
    // The stored summary, decided with every correction: the reviews_work_spoiler_free index serves it.
    private const string SpoilerFreeFilter = "\n  and not r.contains_spoilers";

    // Undated reviews sort last in the newest order; unrated ones (rating -1) last in the rating order.
    private const string NewestAfter = """

          and (coalesce(r.published_at, '-infinity'::timestamptz), r.id)
              < (coalesce(@afterPublishedAt::timestamptz, '-infinity'::timestamptz), @afterId)
        """;
    private const string NewestOrder = "\norder by coalesce(r.published_at, '-infinity'::timestamptz) desc, r.id desc\nlimit @limit";
    private const string RatingAfter = "\n  and (coalesce(r.rating_normalized, -1), r.id) < (coalesce(@afterRating::double precision, -1), @afterId)";
    private const string RatingOrder = "\norder by coalesce(r.rating_normalized, -1) desc, r.id desc\nlimit @limit";

    /// <summary>Newest first; returns up to limit rows strictly after the cursor.</summary>
    public Task<IReadOnlyList<ReviewSummaryRow>> ListForWorkAsync(long workId, int limit, ReviewCursor? after, CancellationToken ct)
        => ListForWorkAsync(workId, new ReviewListQuery { Limit = limit, After = after }, ct);

    /// <summary>A page of a work's reviews in the query's order, strictly after its cursor, filtered: one statement.</summary>
    public async Task<IReadOnlyList<ReviewSummaryRow>> ListForWorkAsync(long workId, ReviewListQuery query, CancellationToken ct)
    {
        var (sql, args) = WorkListStatement(workId, query);
        return await ListAsync(sql, args, ct);
    }

    /// <summary>
    /// The work (null when there is none) and a page of its reviews as <see cref="ListForWorkAsync(long, ReviewListQuery, CancellationToken)"/>
    /// reads it, in one round trip: the work's row and the page are two statements of one batch. A list page and a feed
    /// read both, and a second round trip cost them more than either statement (bench/README.md, Performance).
    /// </summary>
    public async Task<WorkReviewsPage?> GetWorkPageAsync(long workId, ReviewListQuery query, CancellationToken ct)
    {
        var (sql, args) = WorkListStatement(workId, query);
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var rows = await BufferedRows.QueryAsync(connection, new CommandDefinition(WorkQueries.ByIdStatement + sql, args, cancellationToken: ct));
        var works = await rows.ReadAsync(WorkQueries.ReadRow);
        var reviews = await rows.ReadAsync(r => ReviewColumns.ReadSummary(r));
        return works.Count == 0 ? null : new WorkReviewsPage(works[0], reviews);
    }

    private static (string Sql, object Args) WorkListStatement(long workId, ReviewListQuery query)
    {
        const string select = $"""
            select {ReviewColumns.Summary}
            {ReviewColumns.From}
            where r.work_id = @workId
            """;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        var byRating = query.Sort == ReviewSort.Rating;
        var sql = string.Concat(
            select,
            query.MinRating is null ? "" : MinRatingFilter,
            query.Site is null ? "" : SiteFilter,
            query.SpoilerFree ? SpoilerFreeFilter : "",
            query.After is null ? "" : byRating ? RatingAfter : NewestAfter,
            byRating ? RatingOrder : NewestOrder);
        var args = new
        {
            workId,
            limit = query.Limit,
            minRating = query.MinRating,
            site = query.Site,
            afterId = query.After?.Id,
            afterPublishedAt = query.After?.PublishedAt?.UtcDateTime,
            afterRating = query.After?.Rating,
        };
        return (sql, args);
    }
}
