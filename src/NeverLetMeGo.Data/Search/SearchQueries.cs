using Dapper;
using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Data.Reviews;
using Npgsql;

namespace NeverLetMeGo.Data.Search;

/// <summary>
/// A review that matched, with its stored summary, the visible block its snippet comes from (whole: the API cuts and
/// highlights it) and the query's lexemes, the stems the text search matched. Rank is the review's rank at the reader's
/// tolerance (as numeric, so cursors compare it exactly).
/// </summary>
public sealed record SearchHitRow(ReviewSummaryRow Review, decimal Rank, int Ordinal, string BlockText, IReadOnlyList<string> Lexemes);

/// <summary>Keyset position in search results (rank desc, review id desc): strictly after this rank and review.</summary>
public sealed record SearchCursor(decimal Rank, long ReviewId);

/// <summary>
/// Full-text search over the text each tolerance shows (review_search, decided when the review was written): hidden text
/// is not in the document a reader's search matches, and a snippet comes from one block that tolerance shows.
/// </summary>
public sealed class SearchQueries(NpgsqlDataSource db)
{
    // One statement: at most the first 1,000 matches the tolerance's own partial GIN index yields are ranked (on their
    // compact rank_document, stored in the row, migration 0017, not the whole document from TOAST), then the page of hits
    // gets its summaries and its first visible block that holds every word (its first visible block when none
    // does). Ranking every match cost 14 µs per matching review (the document is read from TOAST): a word in half the
    // reviews took 140 ms at 10,000 reviews and 1.4 s at 100,000, and ranking each hit's blocks to pick the snippet's
    // took more than the search itself; ts_headline then parsed and stemmed each hit's block again, 34 µs a block and
    // most of what was left (bench/README.md, Performance). A query matching more than the cap is ranked among the
    // matches read, so its cost stays bounded whatever the size of the corpus. The tsquery is made once, in the FROM list,
    // and sent back as text: its lexemes are read from that here (a CTE that cut them out with a regular expression made
    // five more plan nodes and a regex compilation per search, for a few words).
    private const string SearchSql = """
        select {1}, h.rank, coalesce(best.ordinal, lead.ordinal, 0), coalesce(best.text, lead.text, ''), h.query::text
        from (
            select c.review_id, c.query, ts_rank(c.rank_document, c.query)::numeric as rank
            from (
                select d.review_id, d.rank_document, q.query
                from websearch_to_tsquery('english', @query) as q(query)
                join review_search d on d.tolerance = {0} and d.document @@ q.query
                limit {2}
            ) c
            where @afterId::bigint is null or (ts_rank(c.rank_document, c.query)::numeric, c.review_id) < (@afterRank::numeric, @afterId)
            order by rank desc, c.review_id desc
            limit @limit
        ) h
        join reviews r on r.id = h.review_id
        join works w on w.id = r.work_id
        join sites s on s.id = r.site_id
        left join lateral (
            select b.ordinal, b.text from review_blocks b
            where b.review_id = h.review_id and b.visible_from <= {0} and b.tsv @@ h.query
            order by b.ordinal
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

    /// <summary>How many matches a search ranks at most: all of them for any query that matches fewer reviews.</summary>
    public const int RankedMatches = 1000;

    // A literal tolerance per statement, so the planner matches each statement with its partial index.
    private static readonly string[] ByTolerance =
        [.. Enumerable.Range(0, 3).Select(t => string.Format(System.Globalization.CultureInfo.InvariantCulture, SearchSql, t, ReviewColumns.Summary, RankedMatches))];

    public async Task<IReadOnlyList<SearchHitRow>> SearchAsync(string query, SpoilerTolerance tolerance, int limit, SearchCursor? after, CancellationToken ct)
    {
        var sql = ByTolerance[(int)tolerance];
        await using var connection = await db.OpenConnectionAsync(ct);
        var args = new { query, limit, afterRank = after?.Rank, afterId = after?.ReviewId };
        await using var rows = await BufferedRows.QueryAsync(connection, new CommandDefinition(sql, args, cancellationToken: ct));
        const int at = ReviewColumns.SummaryCount;
        return await rows.ReadAsync(r => new SearchHitRow(
            ReviewColumns.ReadSummary(r), r.GetDecimal(at), r.GetInt32(at + 1), r.GetString(at + 2), Lexemes(r.GetString(at + 3))));
    }

    /// <summary>
    /// The lexemes of a tsquery's text ('kathi' &amp; !'tommi' &lt;-&gt; 'die'): each quoted term once, a doubled quote or
    /// backslash inside one being one (as PostgreSQL writes them). Negated ones too: a hit's text holds none of those, so they mark nothing.
    /// </summary>
    public static IReadOnlyList<string> Lexemes(string tsquery)
    {
        ArgumentNullException.ThrowIfNull(tsquery);
        var lexemes = new List<string>();
        var term = new System.Text.StringBuilder();
        for (var i = 0; i < tsquery.Length; i++)
        {
            if (tsquery[i] != '\'')
                continue;
            term.Clear();
            for (i++; i < tsquery.Length; i++)
            {
                if (tsquery[i] is '\'' or '\\' && i + 1 < tsquery.Length && tsquery[i + 1] == tsquery[i])
                    term.Append(tsquery[++i]);
                else if (tsquery[i] == '\'')
                    break;
                else
                    term.Append(tsquery[i]);
            }

            var lexeme = term.ToString();
            if (!lexemes.Contains(lexeme, StringComparer.Ordinal))
                lexemes.Add(lexeme);
        }

        return lexemes;
    }
}
