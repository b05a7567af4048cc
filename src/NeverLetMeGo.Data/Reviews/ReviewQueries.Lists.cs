using Dapper;

namespace NeverLetMeGo.Data.Reviews;

public sealed partial class ReviewQueries
{
    // Each filter in use adds its own condition, so every combination is its own statement: a prepared statement with
    // "@x is null or …" conditions got a generic plan that read all of a popular work's reviews (240 ms instead of 1 ms).
    private const string MinRatingFilter = "\n  and r.rating_normalized >= @minRating";
    private const string SiteFilter = "\n  and s.host = @site";
    private const string SpoilerFreeFilter = """

          and not exists (
              select from review_blocks b
              left join block_level_overrides o on o.review_id = b.review_id and o.ordinal = b.ordinal
              where b.review_id = r.id and coalesce(o.level, b.spoiler_level) > 0
                and not (b.warning and o.level is null))
        """;

    // Undated reviews sort last in the newest order; unrated ones (rating -1) last in the rating order.
    private const string NewestAfter = """

          and (coalesce(r.published_at, '-infinity'::timestamptz), r.id)
              < (coalesce(@afterPublishedAt::timestamptz, '-infinity'::timestamptz), @afterId)
        """;
    private const string NewestOrder = "\norder by coalesce(r.published_at, '-infinity'::timestamptz) desc, r.id desc\nlimit @limit";
    private const string RatingAfter = "\n  and (coalesce(r.rating_normalized, -1), r.id) < (coalesce(@afterRating::double precision, -1), @afterId)";
    private const string RatingOrder = "\norder by coalesce(r.rating_normalized, -1) desc, r.id desc\nlimit @limit";

    /// <summary>A page of a work's reviews in the query's order, strictly after its cursor, filtered.</summary>
    public async Task<IReadOnlyList<ReviewSummaryRow>> ListForWorkAsync(long workId, ReviewListQuery query, CancellationToken ct)
    {
        const string select = $"""
            select {SummaryColumns}
            {SummaryFrom}
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
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await BufferedRows.ListAsync<SummaryRecord>(connection, new CommandDefinition(sql, args, cancellationToken: ct));
        return rows.Select(r => r.ToRow()).ToList();
    }

    /// <summary>The newest reviews across all works (for the site feed).</summary>
    public async Task<IReadOnlyList<ReviewSummaryRow>> ListRecentAsync(int limit, CancellationToken ct)
    {
        const string sql = $"""
            select {SummaryColumns}
            {SummaryFrom}
            order by coalesce(r.published_at, r.fetched_at) desc, r.id desc
            limit @limit
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await BufferedRows.ListAsync<SummaryRecord>(connection, new CommandDefinition(sql, new { limit }, cancellationToken: ct));
        return rows.Select(r => r.ToRow()).ToList();
    }

    /// <summary>Summaries of the given reviews, in no particular order; unknown ids are skipped.</summary>
    public async Task<IReadOnlyList<ReviewSummaryRow>> GetSummariesAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        const string sql = $"""
            select {SummaryColumns}
            {SummaryFrom}
            where r.id = any(@ids)
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await BufferedRows.ListAsync<SummaryRecord>(connection, new CommandDefinition(sql, new { ids = ids.ToArray() }, cancellationToken: ct));
        return rows.Select(r => r.ToRow()).ToList();
    }
}
