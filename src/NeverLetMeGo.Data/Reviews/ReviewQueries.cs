using Dapper;
using Npgsql;

namespace NeverLetMeGo.Data.Reviews;

/// <summary>
/// Reads of reviews as readers see them. Every decision is stored with the review (ReviewDecisions), so each read is one
/// statement over an index and no spoiler rule is applied here.
/// </summary>
public sealed partial class ReviewQueries(NpgsqlDataSource db)
{
    // The review's row and its block rows in one result: each side fills the other's columns with typed nulls.
    private const string NoBlock = "null::int, null::text, null::text, null::smallint, null::boolean, null::float8, null::text[], null::int[]";
    private const string NoSummary = """
        null::bigint, null::bigint, null::text, null::text, null::text, null::text, null::boolean, null::text, null::timestamptz,
        null::text, null::text, null::text, null::float8, null::float8, null::float8,
        null::boolean, null::smallint, null::int, null::int, null::text, null::boolean,
        null::int, null::text, null::timestamptz, null::timestamptz
        """;

    private const string ReviewPart = $"""
        select {ReviewColumns.Summary}, {NoBlock}
        {ReviewColumns.From}
        where r.id = @id
        """;

    private const string BlocksFrom = "from review_blocks b\nwhere b.review_id = @id\norder by 26 nulls first";
    private const string Plain = $"{ReviewPart}\nunion all\nselect {NoSummary}, {ReviewColumns.Block}, null::int[]\n{BlocksFrom}";
    private const string WithSentences = $"{ReviewPart}\nunion all\nselect {NoSummary}, {ReviewColumns.Block}, b.decided_sentences\n{BlocksFrom}";

    private const string VersionSql = """
        select r.content_hash, r.updated_at, r.fetched_at, w.title, s.name, s.host
        from reviews r
        join works w on w.id = r.work_id
        join sites s on s.id = r.site_id
        where r.id = @id
        """;

    /// <summary>The review and its blocks in one statement; the blocks' sentences are left unread and empty.</summary>
    public Task<ReviewRow?> GetAsync(long id, CancellationToken ct) => GetAsync(id, sentences: false, ct);

    /// <summary>
    /// The review and its blocks in one statement over the primary keys of reviews and review_blocks: the review's row
    /// first, then one row per block (each row carries only its own columns, so the review's are not repeated per block);
    /// with <paramref name="sentences"/>, each block's sentence spans too.
    /// </summary>
    public async Task<ReviewRow?> GetAsync(long id, bool sentences, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var sql = sentences ? WithSentences : Plain;
        await using var grid = await BufferedRows.QueryAsync(connection, new CommandDefinition(sql, new { id }, cancellationToken: ct));
        ReviewSummaryRow? summary = null;
        var rows = await grid.ReadAsync(r =>
        {
            if (r.IsDBNull(ReviewColumns.SummaryCount))
            {
                summary = ReviewColumns.ReadSummary(r);
                return null;
            }

            return ReviewColumns.ReadBlock(r, ReviewColumns.SummaryCount, sentences);
        });
        return summary is null ? null : new ReviewRow(summary, [.. rows.OfType<BlockRow>()]);
    }

    /// <summary>Only the version of a review (null when there is no such review): what a conditional GET compares.</summary>
    public async Task<ReviewVersion?> GetVersionAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var rows = await BufferedRows.QueryAsync(connection, new CommandDefinition(VersionSql, new { id }, cancellationToken: ct));
        var versions = await rows.ReadAsync(r => new ReviewVersion(
            r.GetString(0), r.GetFieldValue<DateTimeOffset>(1), r.GetFieldValue<DateTimeOffset>(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5)));
        return versions.Count == 0 ? null : versions[0];
    }

    /// <summary>A review's summary alone (cards, previews); null when there is no such review.</summary>
    public async Task<ReviewSummaryRow?> GetSummaryAsync(long id, CancellationToken ct)
    {
        const string sql = $"""
            select {ReviewColumns.Summary}
            {ReviewColumns.From}
            where r.id = @id
            """;
        var rows = await ListAsync(sql, new { id }, ct);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// All comments of a review in page order, each with its blocks as decided (quote inheritance applied when the review
    /// was written); null when there is no such review. One statement: the review's row, its comments and their blocks.
    /// </summary>
    public async Task<IReadOnlyList<CommentRow>?> FindCommentsAsync(long reviewId, CancellationToken ct)
    {
        const string sql = $"""
            select r.id, c.id, c.parent_id, c.author, c.published_at, c.ordinal, {ReviewColumns.Block}
            from reviews r
            left join comments c on c.review_id = r.id
            left join comment_blocks b on b.comment_id = c.id
            where r.id = @reviewId
            order by c.ordinal, b.ordinal
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var grid = await BufferedRows.QueryAsync(connection, new CommandDefinition(sql, new { reviewId }, cancellationToken: ct));
        var rows = await grid.ReadAsync(r => (
            Comment: r.IsDBNull(1) ? null : new CommentRow(
                r.GetInt64(1), r.IsDBNull(2) ? null : r.GetInt64(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4), r.GetInt32(5), []),
            Block: r.IsDBNull(6) ? null : ReviewColumns.ReadBlock(r, 6)));
        if (rows.Count == 0)
            return null;
        return [.. rows.Where(r => r.Comment is not null).GroupBy(r => r.Comment!.Id)
            .Select(g => g.First().Comment! with { Blocks = [.. g.Where(r => r.Block is not null).Select(r => r.Block!)] })];
    }

    /// <summary>All comments of a review in page order, each with its blocks; empty when none (or no such review).</summary>
    public async Task<IReadOnlyList<CommentRow>> GetCommentsAsync(long reviewId, CancellationToken ct)
        => await FindCommentsAsync(reviewId, ct) ?? [];

    public async Task<bool> ExistsAsync(long id, CancellationToken ct)
    {
        const string sql = "select exists (select from reviews where id = @id)";
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(sql, new { id }, cancellationToken: ct));
    }

    private async Task<List<ReviewSummaryRow>> ListAsync(string sql, object args, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var rows = await BufferedRows.QueryAsync(connection, new CommandDefinition(sql, args, cancellationToken: ct));
        return await rows.ReadAsync(r => ReviewColumns.ReadSummary(r));
    }
}
