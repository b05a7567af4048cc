using Dapper;

namespace NeverLetMeGo.Data.Reviews;

public sealed partial class ReviewQueries
{
    // Filters are null-or-match parameters, so each ordering is one statement whatever the filters.
    private const string ListFilters = """
        where r.work_id = @workId
          and (@minRating::double precision is null or r.rating_normalized >= @minRating)
          and (@site::text is null or s.host = @site)
          and (not @spoilerFree or not exists (
              select from review_blocks b
              left join block_level_overrides o on o.review_id = b.review_id and o.ordinal = b.ordinal
              where b.review_id = r.id and coalesce(o.level, b.spoiler_level) > 0
                and not (b.warning and o.level is null)))
        """;

    /// <summary>A page of a work's reviews in the query's order, strictly after its cursor, filtered.</summary>
    public async Task<IReadOnlyList<ReviewSummaryRow>> ListForWorkAsync(long workId, ReviewListQuery query, CancellationToken ct)
    {
        const string newest = $"""
            select {SummaryColumns}
            {SummaryFrom}
            {ListFilters}
              and (@afterId::bigint is null
                   or (coalesce(r.published_at, '-infinity'::timestamptz), r.id)
                      < (coalesce(@afterPublishedAt::timestamptz, '-infinity'::timestamptz), @afterId))
            order by coalesce(r.published_at, '-infinity'::timestamptz) desc, r.id desc
            limit @limit
            """;
        // Unrated reviews sort last (rating -1).
        const string byRating = $"""
            select {SummaryColumns}
            {SummaryFrom}
            {ListFilters}
              and (@afterId::bigint is null
                   or (coalesce(r.rating_normalized, -1), r.id) < (coalesce(@afterRating::double precision, -1), @afterId))
            order by coalesce(r.rating_normalized, -1) desc, r.id desc
            limit @limit
            """;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        var args = new
        {
            workId,
            limit = query.Limit,
            minRating = query.MinRating,
            site = query.Site,
            spoilerFree = query.SpoilerFree,
            afterId = query.After?.Id,
            afterPublishedAt = query.After?.PublishedAt?.UtcDateTime,
            afterRating = query.After?.Rating,
        };
        await using var connection = await db.OpenConnectionAsync(ct);
        var sql = query.Sort == ReviewSort.Rating ? byRating : newest;
        var rows = await connection.QueryAsync<SummaryRecord>(new CommandDefinition(sql, args, cancellationToken: ct));
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
        var rows = await connection.QueryAsync<SummaryRecord>(new CommandDefinition(sql, new { limit }, cancellationToken: ct));
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
        var rows = await connection.QueryAsync<SummaryRecord>(new CommandDefinition(sql, new { ids = ids.ToArray() }, cancellationToken: ct));
        return rows.Select(r => r.ToRow()).ToList();
    }
}
