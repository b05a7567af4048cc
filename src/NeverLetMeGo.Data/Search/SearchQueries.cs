using Dapper;
using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Data.Reviews;
using Npgsql;

namespace NeverLetMeGo.Data.Search;

/// <summary>
/// A review that matched, with its stored summary, its best visible block and that block's highlighted snippet. Rank is
/// the review's rank at the reader's tolerance (as numeric, so cursors compare it exactly).
/// </summary>
public sealed record SearchHitRow(ReviewSummaryRow Review, decimal Rank, int Ordinal, string Snippet);

/// <summary>Keyset position in search results (rank desc, review id desc): strictly after this rank and review.</summary>
public sealed record SearchCursor(decimal Rank, long ReviewId);

/// <summary>
/// Full-text search over the text each tolerance shows (review_search, decided when the review was written): hidden text
/// is not in the document a reader's search matches, and a snippet comes from one block that tolerance shows.
/// </summary>
public sealed class SearchQueries(NpgsqlDataSource db)
{
    /// <summary>Marks a highlighted run in a snippet; control characters cannot occur in stored block text.</summary>
    public const char StartMark = '\u0001';
    public const char StopMark = '\u0002';

    // One statement: the page of hits ranked on the tolerance's own partial GIN index, then for those hits only their
    // summaries and the best visible block's snippet (the first visible block when no single block holds every word).
    private const string SearchSql = """
        with q as (select websearch_to_tsquery('english', @query) as query),
        hits as (
            select d.review_id, ts_rank(d.document, q.query)::numeric as rank
            from review_search d cross join q
            where d.tolerance = {0} and d.document @@ q.query
              and (@afterId::bigint is null or (ts_rank(d.document, q.query)::numeric, d.review_id) < (@afterRank::numeric, @afterId))
            order by rank desc, d.review_id desc
            limit @limit
        )
        select {1}, h.rank, coalesce(best.ordinal, lead.ordinal, 0),
               ts_headline('english', coalesce(best.text, lead.text, ''), q.query,
                           'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=30, MinWords=12, MaxFragments=1')
        from hits h
        cross join q
        join reviews r on r.id = h.review_id
        join works w on w.id = r.work_id
        join sites s on s.id = r.site_id
        left join lateral (
            select b.ordinal, b.text from review_blocks b
            where b.review_id = h.review_id and b.visible_from <= {0} and b.tsv @@ q.query
            order by ts_rank(b.tsv, q.query) desc, b.ordinal
            limit 1
        ) best on true
        left join lateral (
            select b.ordinal, b.text from review_blocks b
            where best.ordinal is null and b.review_id = h.review_id and b.visible_from <= {0}
            order by b.ordinal
            limit 1
        ) lead on true
        order by h.rank desc, h.review_id desc
        """;

    // A literal tolerance per statement, so the planner matches each statement with its partial index.
    private static readonly string[] ByTolerance =
        [.. Enumerable.Range(0, 3).Select(t => string.Format(System.Globalization.CultureInfo.InvariantCulture, SearchSql, t, ReviewColumns.Summary))];

    public async Task<IReadOnlyList<SearchHitRow>> SearchAsync(string query, SpoilerTolerance tolerance, int limit, SearchCursor? after, CancellationToken ct)
    {
        var sql = ByTolerance[(int)tolerance];
        await using var connection = await db.OpenConnectionAsync(ct);
        var args = new { query, limit, afterRank = after?.Rank, afterId = after?.ReviewId };
        await using var rows = await BufferedRows.QueryAsync(connection, new CommandDefinition(sql, args, cancellationToken: ct));
        const int at = ReviewColumns.SummaryCount;
        return await rows.ReadAsync(r => new SearchHitRow(ReviewColumns.ReadSummary(r), r.GetDecimal(at), r.GetInt32(at + 1), r.GetString(at + 2)));
    }
}
