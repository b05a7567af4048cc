using Dapper;
using NeverLetMeGo.Data.Works;

namespace NeverLetMeGo.Data.Reviews;

/// <summary>
/// What an Atom entry shows of a review, as decided when it was written: the safe title, the spoiler summary and the
/// spoiler-safe excerpt, with its links and dates. Nothing else of the review is read for a feed.
/// </summary>
public sealed record FeedEntryRow(
    long Id, string SafeTitle, string? Author, string? SiteName, string SiteHost, string Url, DateTimeOffset? PublishedAt,
    bool ContainsSpoilers, int PremiseBlocks, int MajorBlocks, string Excerpt);

/// <summary>A work and its newest feed entries, read in one round trip.</summary>
public sealed record WorkFeedRows(WorkRow Work, IReadOnlyList<FeedEntryRow> Entries);

public sealed partial class ReviewQueries
{
    // Only the eleven columns an entry shows, not the 25 of a list's summary (nor the work's title on each of 50 rows).
    private const string FeedColumns = """
        r.id, r.safe_title, r.author, s.name, s.host, r.url, r.published_at,
        r.contains_spoilers, r.premise_blocks, r.major_blocks, r.excerpt
        """;

    /// <summary>
    /// The work (null when there is none) and its newest <paramref name="limit"/> entries in the order of its list page
    /// (the reviews_work_newest index), in one round trip of two statements.
    /// </summary>
    public async Task<WorkFeedRows?> GetWorkFeedAsync(long workId, int limit, CancellationToken ct)
    {
        const string sql = WorkQueries.ByIdStatement + $"""
            select {FeedColumns}
            from reviews r
            join sites s on s.id = r.site_id
            where r.work_id = @workId
            order by coalesce(r.published_at, '-infinity'::timestamptz) desc, r.id desc
            limit @limit
            """;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var rows = await BufferedRows.QueryAsync(connection, new CommandDefinition(sql, new { workId, limit }, cancellationToken: ct));
        var works = await rows.ReadAsync(WorkQueries.ReadRow);
        var entries = await rows.ReadAsync(ReadFeedEntry);
        return works.Count == 0 ? null : new WorkFeedRows(works[0], entries);
    }

    /// <summary>The newest entries across all works (the site feed), in the order of the reviews_recent index.</summary>
    public async Task<IReadOnlyList<FeedEntryRow>> ListRecentFeedAsync(int limit, CancellationToken ct)
    {
        const string sql = $"""
            select {FeedColumns}
            from reviews r
            join sites s on s.id = r.site_id
            order by coalesce(r.published_at, r.fetched_at) desc, r.id desc
            limit @limit
            """;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var rows = await BufferedRows.QueryAsync(connection, new CommandDefinition(sql, new { limit }, cancellationToken: ct));
        return await rows.ReadAsync(ReadFeedEntry);
    }

    private static FeedEntryRow ReadFeedEntry(System.Data.Common.DbDataReader r) => new(
        r.GetInt64(0),
        r.IsDBNull(1) ? "" : r.GetString(1),
        r.IsDBNull(2) ? null : r.GetString(2),
        r.IsDBNull(3) ? null : r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        r.IsDBNull(6) ? null : r.GetFieldValue<DateTimeOffset>(6),
        r.GetBoolean(7),
        r.GetInt32(8),
        r.GetInt32(9),
        r.GetString(10));
}
