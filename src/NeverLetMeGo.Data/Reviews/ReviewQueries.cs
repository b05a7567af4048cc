using Dapper;
using Npgsql;

namespace NeverLetMeGo.Data.Reviews;

public sealed partial class ReviewQueries(NpgsqlDataSource db)
{
    internal const string SummaryColumns = """
        r.id, r.work_id, w.title as work_title, r.url, r.title, r.author, r.published_at,
        s.name as site_name, s.host as site_host, r.rating_raw, r.rating_value, r.rating_scale, r.rating_normalized,
        r.max_spoiler_level, (select count(*) from comments c where c.review_id = r.id)::int as comment_count,
        r.content_hash, r.fetched_at
        """;

    internal const string SummaryFrom = """
        from reviews r
        join works w on w.id = r.work_id
        join sites s on s.id = r.site_id
        """;

    // The effective level: a reader or operator correction wins over the tagger, and says so in the reasons.
    internal const string BlockColumns = """
        b.review_id, b.ordinal, b.kind, b.text,
        coalesce(o.level, b.spoiler_level) as spoiler_level,
        b.warning and coalesce(o.level, 0) = 0 as warning,
        b.spoiler_score,
        case o.source when 'reports' then array['reported by readers'] when 'operator' then array['set by an operator'] else b.reasons end as reasons
        """;

    // Read only for mask=sentences. They only stand when nobody overrode the level: they know nothing of the correction.
    private const string SentencesColumn = "case when o.level is null then b.sentences end as sentences";

    internal const string BlockFrom = """
        from review_blocks b
        left join block_level_overrides o on o.review_id = b.review_id and o.ordinal = b.ordinal
        """;

    // What decides a review's bytes besides the reader's options (ReviewVersion), beyond the summary's own columns.
    private const string VersionColumns = "r.updated_at, o.overrides, o.overrides_updated_at";

    private const string VersionFrom = """
        cross join lateral (
            select count(*)::int as overrides, max(updated_at) as overrides_updated_at
            from block_level_overrides
            where review_id = r.id
        ) o
        """;

    private const string VersionSql = $"""
        select r.content_hash, r.fetched_at, w.title as work_title, s.name as site_name, s.host as site_host, {VersionColumns}
        from reviews r
        join works w on w.id = r.work_id
        join sites s on s.id = r.site_id
        {VersionFrom}
        where r.id = @id
        """;

    /// <summary>The review, its blocks and its version, in one round trip; the blocks' sentences are left unread and empty.</summary>
    public Task<ReviewRow?> GetAsync(long id, CancellationToken ct) => GetAsync(id, sentences: false, ct);

    /// <summary>The review, its blocks and its version, in one round trip; with <paramref name="sentences"/>, each block's sentence spans too.</summary>
    public async Task<ReviewRow?> GetAsync(long id, bool sentences, CancellationToken ct)
    {
        const string review = $"""
            select {SummaryColumns}, {VersionColumns}
            {SummaryFrom}
            {VersionFrom}
            where r.id = @id;
            """;
        const string ofReview = $"""
            {BlockFrom}
            where b.review_id = @id
            order by b.ordinal;
            """;
        const string plain = $"{review}\nselect {BlockColumns}\n{ofReview}";
        const string withSentences = $"{review}\nselect {BlockColumns}, {SentencesColumn}\n{ofReview}";
        await using var connection = await db.OpenConnectionAsync(ct);
        var command = new CommandDefinition(sentences ? withSentences : plain, new { id }, cancellationToken: ct);
        await using var grid = await BufferedRows.QueryAsync(connection, command);
        var summary = await grid.ReadSingleOrDefaultAsync<DetailRecord>();
        var blocks = await grid.ReadAsync(BlockRecord.Read);
        return summary is null ? null : new ReviewRow(summary.ToRow(), blocks, summary.ToVersion());
    }

    /// <summary>Only the version of a review (null when there is no such review): what a conditional GET compares.</summary>
    public async Task<ReviewVersion?> GetVersionAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<DetailRecord>(new CommandDefinition(VersionSql, new { id }, cancellationToken: ct));
        return row?.ToVersion();
    }

    /// <summary>Newest first; returns up to limit rows strictly after the cursor.</summary>
    public async Task<IReadOnlyList<ReviewSummaryRow>> ListForWorkAsync(long workId, int limit, ReviewCursor? after, CancellationToken ct)
    {
        // Undated reviews sort last; the order matches the reviews_work_newest index.
        const string firstPage = $"""
            select {SummaryColumns}
            {SummaryFrom}
            where r.work_id = @workId
            order by coalesce(r.published_at, '-infinity'::timestamptz) desc, r.id desc
            limit @limit
            """;
        const string nextPage = $"""
            select {SummaryColumns}
            {SummaryFrom}
            where r.work_id = @workId
              and (coalesce(r.published_at, '-infinity'::timestamptz), r.id)
                  < (coalesce(@afterPublishedAt, '-infinity'::timestamptz), @afterId)
            order by coalesce(r.published_at, '-infinity'::timestamptz) desc, r.id desc
            limit @limit
            """;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await db.OpenConnectionAsync(ct);
        var command = after is null
            ? new CommandDefinition(firstPage, new { workId, limit }, cancellationToken: ct)
            : new CommandDefinition(nextPage, new { workId, limit, afterPublishedAt = after.PublishedAt?.ToUniversalTime(), afterId = after.Id }, cancellationToken: ct);
        var rows = await BufferedRows.ListAsync<SummaryRecord>(connection, command);
        return rows.Select(r => r.ToRow()).ToList();
    }

    /// <summary>All comments of a review in page order, each with its blocks; empty when none (or no such review).</summary>
    public async Task<IReadOnlyList<CommentRow>> GetCommentsAsync(long reviewId, CancellationToken ct)
    {
        const string sql = $"""
            select id, parent_id, author, published_at, ordinal
            from comments
            where review_id = @reviewId
            order by ordinal;

            select b.comment_id, b.ordinal, b.kind, b.text, b.spoiler_level, b.warning, b.spoiler_score, b.reasons
            from comment_blocks b
            join comments c on c.id = b.comment_id
            where c.review_id = @reviewId
            order by b.comment_id, b.ordinal;
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var grid = await BufferedRows.QueryAsync(connection, new CommandDefinition(sql, new { reviewId }, cancellationToken: ct));
        var comments = await grid.ReadAsync<CommentRecord>();
        var blocks = (await grid.ReadAsync<BlockRecord>()).ToLookup(b => b.CommentId, b => b.ToRow());
        return comments
            .Select(c => new CommentRow(c.Id, c.ParentId, c.Author, SqlMapping.Offset(c.PublishedAt), c.Ordinal, blocks[c.Id].ToList()))
            .ToList();
    }

    /// <summary>
    /// The blocks a safe summary reads (lists, feeds, search), at their effective level, for several reviews: the leading
    /// blocks up to the first spoiler or warning and at most <paramref name="leadingBlocks"/> text blocks (the excerpt), and
    /// every spoiler block (the counts), with its text only for the reviews in <paramref name="spoilerTextOf"/> (whose
    /// titles are checked against it). Reasons are not read. A popular work's list page read every block with its text,
    /// half a megabyte for excerpts of 320 characters (bench/README.md, Performance).
    /// </summary>
    public async Task<ILookup<long, BlockRow>> GetSummaryBlocksAsync(
        IReadOnlyCollection<long> reviewIds, IReadOnlyCollection<long> spoilerTextOf, int leadingBlocks, CancellationToken ct)
    {
        const string sql = $"""
            with effective as (
                select {BlockColumns}
                {BlockFrom}
                where b.review_id = any(@ids)
            ), placed as (
                select e.review_id, e.ordinal, e.kind, e.text, e.spoiler_level, e.warning, e.spoiler_score,
                       coalesce(count(*) filter (where e.kind <> 'heading') over before, 0) < @leadingBlocks
                           and not coalesce(bool_or(e.warning or e.spoiler_level > 0) over before, false) as lead_in
                from effective e
                window before as (partition by e.review_id order by e.ordinal rows between unbounded preceding and 1 preceding)
            )
            select review_id, ordinal, kind,
                   case when lead_in or review_id = any(@spoilerTextOf) then text else '' end as text,
                   spoiler_level, warning, spoiler_score, array[]::text[] as reasons
            from placed
            where lead_in or (spoiler_level > 0 and not warning)
            order by review_id, ordinal
            """;
        if (reviewIds.Count == 0)
        {
            return Array.Empty<BlockRow>().ToLookup(_ => 0L);
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        var args = new { ids = reviewIds.ToArray(), spoilerTextOf = spoilerTextOf.ToArray(), leadingBlocks };
        var rows = await BufferedRows.ListAsync<BlockRecord>(connection, new CommandDefinition(sql, args, cancellationToken: ct));
        return rows.ToLookup(r => r.ReviewId, r => r.ToRow());
    }

    public async Task<bool> ExistsAsync(long id, CancellationToken ct)
    {
        const string sql = "select exists (select from reviews where id = @id)";
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(sql, new { id }, cancellationToken: ct));
    }
}
