using Dapper;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Spoilers;
using NeverLetMeGo.Data.Reviews;
using Npgsql;

namespace NeverLetMeGo.Data.Knowledge;

/// <summary>An operator's spoiler term for a work, as stored.</summary>
public sealed record SpoilerTermRow(long WorkId, string Term, SpoilerLevel Level, DateTimeOffset UpdatedAt);

/// <summary>
/// What the tagger knows about a work: the operators' spoiler terms (work_spoiler_terms) and the texts of its stored
/// reviews and comments, from which Core computes the work's vocabulary.
/// </summary>
public sealed class WorkKnowledgeStore(NpgsqlDataSource db)
{
    public async Task<bool> WorkExistsAsync(long workId, CancellationToken ct)
    {
        const string sql = "select exists (select 1 from works where id = @workId)";
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(sql, new { workId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<SpoilerTermRow>> GetTermsAsync(long workId, CancellationToken ct)
    {
        const string sql = """
            select work_id, term, level, updated_at
            from work_spoiler_terms
            where work_id = @workId
            order by term_key
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<TermRecord>(new CommandDefinition(sql, new { workId }, cancellationToken: ct));
        return rows.Select(r => r.ToRow()).ToList();
    }

    /// <summary>Adds the term, or changes its level (and spelling) when the work already has it. Null when the work does not exist.</summary>
    public async Task<SpoilerTermRow?> UpsertTermAsync(long workId, string term, SpoilerLevel level, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(level, SpoilerLevel.None);
        const string sql = """
            insert into work_spoiler_terms (work_id, term, term_key, level)
            select w.id, @term, lower(@term), @level
            from works w
            where w.id = @workId
            on conflict (work_id, term_key) do update
                set term = excluded.term, level = excluded.level, updated_at = now()
            returning work_id, term, level, updated_at
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<TermRecord>(
            new CommandDefinition(sql, new { workId, term = term.Trim(), level = (short)level }, cancellationToken: ct));
        return row?.ToRow();
    }

    /// <summary>How many of a work's newest reviews its knowledge is built from.</summary>
    public const int MaxReviewsRead = 300;

    // The newest reviews only: a work's vocabulary settles after a few hundred reviews, and reading every text of a work
    // with 50,000 reviews (about a gigabyte) on each cache miss made scraping such a work crawl. The ids go through arrays
    // so the blocks are read by index whatever the statistics say: joined to a CTE, a table that grew since its last
    // analyze (a fresh database filling up) was read whole for every work.
    private const string Newest = "order by coalesce(published_at, '-infinity'::timestamptz) desc, id desc limit @max";

    private const string TextsOfRecent = """
        , talk as (select array(select c.id from comments c, recent r where c.review_id = any(r.ids)) as ids)
        select b.text from review_blocks b, recent r where b.review_id = any(r.ids)
        union all
        select cb.text from comment_blocks cb, talk t where cb.comment_id = any(t.ids)
        """;

    /// <summary>Every block text of the work's newest stored reviews and comments: the unlabelled context of its vocabulary.</summary>
    public async Task<IReadOnlyList<string>> GetWorkTextsAsync(long workId, CancellationToken ct)
    {
        const string sql = $"with recent as (select array(select id from reviews where work_id = @workId {Newest}) as ids) {TextsOfRecent}";
        await using var connection = await db.OpenConnectionAsync(ct);
        return await BufferedRows.ListAsync<string>(connection, new CommandDefinition(sql, new { workId, max = MaxReviewsRead }, cancellationToken: ct));
    }

    /// <summary>The work's knowledge, ready for the tagger.</summary>
    public async Task<WorkKnowledge> GetKnowledgeAsync(long workId, CancellationToken ct)
    {
        var terms = await GetTermsAsync(workId, ct);
        var texts = await GetWorkTextsAsync(workId, ct);
        return WorkKnowledge.From(texts, terms.Select(t => new SpoilerTerm(t.Term, t.Level)).ToArray());
    }

    /// <summary>
    /// The knowledge of the stored work a review naming <paramref name="title"/> would be saved under, found and read in
    /// one round trip (the scraper asks for every page); null when no such work is stored yet.
    /// </summary>
    public async Task<WorkKnowledge?> FindKnowledgeAsync(string title, CancellationToken ct)
    {
        const string sql = $"""
            select id from works where title_key = @key;
            select t.work_id, t.term, t.level, t.updated_at from work_spoiler_terms t join works w on w.id = t.work_id where w.title_key = @key order by t.term_key;
            with recent as (select array(select id from reviews where work_id = (select id from works where title_key = @key) {Newest}) as ids)
            {TextsOfRecent}
            """;
        if (string.IsNullOrWhiteSpace(title))
            return null;
        await using var connection = await db.OpenConnectionAsync(ct);
        var args = new { key = WorkKeys.TitleKey(WorkKeys.Title(title)), max = MaxReviewsRead };
        // Buffered: a work's texts are many rows, and Dapper's sequential reads block on each one that crosses the buffer.
        await using var results = await BufferedRows.QueryAsync(connection, new CommandDefinition(sql, args, cancellationToken: ct));
        if ((await results.ReadAsync<long>()).Count == 0)
            return null;
        var terms = (await results.ReadAsync<TermRecord>()).Select(t => new SpoilerTerm(t.Term, (SpoilerLevel)t.Level)).ToArray();
        var texts = await results.ReadAsync<string>();
        return WorkKnowledge.From(texts, terms);
    }

    private sealed class TermRecord
    {
        public long WorkId { get; init; }
        public string Term { get; init; } = "";
        public short Level { get; init; }
        public DateTime UpdatedAt { get; init; }

        public SpoilerTermRow ToRow() => new(WorkId, Term, (SpoilerLevel)Level, SqlMapping.Offset(UpdatedAt));
    }
}
