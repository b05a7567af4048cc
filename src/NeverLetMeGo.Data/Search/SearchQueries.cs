using Dapper;
using NeverLetMeGo.Data.Reviews;
using Npgsql;

namespace NeverLetMeGo.Data.Search;

/// <summary>
/// A review that matched, its best visible block and that block's highlighted snippet. Rank is the review's summed block
/// ranks, summed as numeric so it is the same on every page whatever order the blocks are added in (cursors compare it).
/// </summary>
public sealed record SearchHitRow(long ReviewId, decimal Rank, int Ordinal, string Snippet);

/// <summary>Keyset position in search results (rank desc, review id desc): strictly after this rank and review.</summary>
public sealed record SearchCursor(decimal Rank, long ReviewId);

/// <summary>
/// Full-text search over single blocks at their effective level. Blocks above the reader's tolerance are filtered out
/// before matching, and snippets are built from the one matching visible block: hidden text can neither make a review
/// match nor appear in a snippet.
/// </summary>
public sealed class SearchQueries(NpgsqlDataSource db)
{
    /// <summary>Marks a highlighted run in a snippet; control characters cannot occur in stored block text.</summary>
    public const char StartMark = '\u0001';
    public const char StopMark = '\u0002';

    public async Task<IReadOnlyList<SearchHitRow>> SearchAsync(string query, short maxLevel, int limit, SearchCursor? after, CancellationToken ct)
    {
        const string sql = $"""
            with q as (select websearch_to_tsquery('english', @query) as query),
            hits as (
                select b.review_id, b.ordinal, b.text, ts_rank(b.tsv, q.query)::numeric as rank,
                       row_number() over (partition by b.review_id order by ts_rank(b.tsv, q.query) desc, b.ordinal) as place
                {ReviewQueries.BlockFrom}
                cross join q
                where b.tsv @@ q.query
                  and ((b.warning and coalesce(o.level, 0) = 0) or coalesce(o.level, b.spoiler_level) <= @maxLevel)
            ),
            best as (
                select review_id, ordinal, text, sum(rank) over (partition by review_id) as total, place
                from hits
            )
            select best.review_id, best.total as rank, best.ordinal,
                   ts_headline('english', best.text, q.query,
                               'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=30, MinWords=12, MaxFragments=1') as snippet
            from best cross join q
            where best.place = 1
              and (@afterId::bigint is null or (best.total, best.review_id) < (@afterRank::numeric, @afterId))
            order by best.total desc, best.review_id desc
            limit @limit
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await BufferedRows.ListAsync<HitRecord>(connection, new CommandDefinition(sql, new { query, maxLevel, limit, afterRank = after?.Rank, afterId = after?.ReviewId }, cancellationToken: ct));
        return rows.Select(r => new SearchHitRow(r.ReviewId, r.Rank, r.Ordinal, r.Snippet)).ToList();
    }

    private sealed class HitRecord
    {
        public long ReviewId { get; init; }
        public decimal Rank { get; init; }
        public int Ordinal { get; init; }
        public string Snippet { get; init; } = "";
    }
}
