using Dapper;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Spoilers;
using NeverLetMeGo.Core.Spoilers.Scoring;
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
    private const string WorkTextsSql = """
        with recent as (select array(select id from reviews where work_id = @workId
                                     order by coalesce(published_at, '-infinity'::timestamptz) desc, id desc limit @max) as ids),
             talk as (select array(select c.id from comments c, recent r where c.review_id = any(r.ids)) as ids)
        select b.text from review_blocks b, recent r where b.review_id = any(r.ids)
        union all
        select cb.text from comment_blocks cb, talk t where cb.comment_id = any(t.ids)
        """;

    /// <summary>Every block text of the work's newest stored reviews and comments: the unlabelled context of its vocabulary.</summary>
    public async Task<IReadOnlyList<string>> GetWorkTextsAsync(long workId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await ReadWorkTextsAsync(connection, workId, ct);
    }

    // Buffered: a work's texts are many rows, and Dapper's sequential reads block on each one that crosses the buffer.
    private static Task<List<string>> ReadWorkTextsAsync(NpgsqlConnection connection, long workId, CancellationToken ct)
        => BufferedRows.ListAsync<string>(connection, new CommandDefinition(WorkTextsSql, new { workId, max = MaxReviewsRead }, cancellationToken: ct));

    /// <summary>The work's knowledge, ready for the tagger.</summary>
    public async Task<WorkKnowledge> GetKnowledgeAsync(long workId, CancellationToken ct)
    {
        var terms = await GetTermsAsync(workId, ct);
        var texts = await GetWorkTextsAsync(workId, ct);
        return WorkKnowledge.From(texts, terms.Select(t => new SpoilerTerm(t.Term, t.Level)).ToArray());
    }

    /// <summary>
    /// The knowledge of the stored work a review naming <paramref name="title"/> would be saved under (the scraper asks
    /// for every page); null when no such work is stored yet. The work, its terms and its kept vocabulary come in one
    /// round trip; when the kept vocabulary is missing, from another build or stale (<see cref="IsFresh"/>), the texts are
    /// read, the vocabulary built and kept for the next reader.
    /// </summary>
    public async Task<WorkKnowledge?> FindKnowledgeAsync(string title, CancellationToken ct)
    {
        const string sql = """
            select w.id, coalesce(s.rated + s.unrated, 0) as reviews, v.reviews as built_from, v.words
            from works w
            left join work_rating_stats s on s.work_id = w.id
            left join work_vocabularies v on v.work_id = w.id and v.built_by = @build
            where w.title_key = @key;
            select t.work_id, t.term, t.level, t.updated_at from work_spoiler_terms t join works w on w.id = t.work_id where w.title_key = @key order by t.term_key;
            """;
        const string keepSql = """
            insert into work_vocabularies (work_id, built_by, reviews, words)
            values (@workId, @build, @reviews, @words)
            on conflict (work_id) do update set built_by = excluded.built_by, reviews = excluded.reviews, built_at = now(), words = excluded.words
            """;
        if (string.IsNullOrWhiteSpace(title))
            return null;
        await using var connection = await db.OpenConnectionAsync(ct);
        var args = new { key = WorkKeys.TitleKey(WorkKeys.Title(title)), build = WorkKnowledge.VocabularyBuild };
        VocabularyRecord? work;
        SpoilerTerm[] terms;
        await using (var results = await BufferedRows.QueryAsync(connection, new CommandDefinition(sql, args, cancellationToken: ct)))
        {
            work = await results.ReadSingleOrDefaultAsync<VocabularyRecord>();
            terms = (await results.ReadAsync<TermRecord>()).Select(t => new SpoilerTerm(t.Term, (SpoilerLevel)t.Level)).ToArray();
        }

        if (work is null)
            return null;
        if (work.Words is not null && work.BuiltFrom is { } builtFrom && IsFresh(builtFrom, work.Reviews))
            return new WorkKnowledge(WorkVocabulary.FromBytes(work.Words), terms);

        var knowledge = WorkKnowledge.From(await ReadWorkTextsAsync(connection, work.Id, ct), terms);
        var keep = new { workId = work.Id, build = WorkKnowledge.VocabularyBuild, reviews = work.Reviews, words = knowledge.Vocabulary.ToBytes() };
        await connection.ExecuteAsync(new CommandDefinition(keepSql, keep, cancellationToken: ct));
        return knowledge;
    }

    /// <summary>
    /// Whether a vocabulary built from <paramref name="builtFrom"/> reviews still serves a work that has
    /// <paramref name="reviews"/> now: until it has grown by more than a tenth (below ten reviews, by any review), since
    /// a word's weight is its share of the work's sentences and moves little when a large work gains a few reviews.
    /// </summary>
    public static bool IsFresh(int builtFrom, int reviews) => reviews <= builtFrom + (builtFrom / 10);

    private sealed class VocabularyRecord
    {
        public long Id { get; init; }
        public int Reviews { get; init; }
        public int? BuiltFrom { get; init; }
        public byte[]? Words { get; init; }
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
