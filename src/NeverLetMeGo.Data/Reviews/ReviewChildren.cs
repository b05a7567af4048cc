using System.Text.Json;
using NeverLetMeGo.Core.Decisions;
using NeverLetMeGo.Core.Model;
using Npgsql;
using NpgsqlTypes;

namespace NeverLetMeGo.Data.Reviews;

/// <summary>
/// A review's blocks and comments, with what was decided for them: written in bulk (array parameters), one statement per
/// table, never one row per statement.
/// </summary>
internal static class ReviewChildren
{
    public static void Validate(Review review)
    {
        EnsureUniqueIndexes(review.Blocks, review.Url);
        foreach (var comment in review.Comments)
            EnsureUniqueIndexes(comment.Blocks, $"{review.Url} comment {comment.Id}");
    }

    /// <summary>
    /// The statements that store a review's blocks and comments (and the comments' blocks and reply links) with their
    /// decisions, and its search documents and masked views, to send in one batch with the review's own statements.
    /// </summary>
    public static IEnumerable<NpgsqlBatchCommand> InsertCommands(long reviewId, Review review, int?[] parents, ReviewDecision decision)
    {
        // Reasons are a list per block: they travel as one JSON array per block, since arrays of arrays must be rectangular.
        // Sentences travel flat: every block's (start, end, level) triplets in one array, each block naming its slice.
        const string blocks = """
            insert into review_blocks (review_id, ordinal, kind, text, spoiler_level, warning, spoiler_score, reasons, sentences,
                                       decided_level, decided_warning, decided_reasons, decided_sentences, visible_from)
            select @reviewId, u.ordinal, u.kind, u.text, u.level, u.warning, u.score,
                   array(select jsonb_array_elements_text(u.reasons::jsonb)),
                   (@sentences::integer[])[u.first_sentence:u.last_sentence],
                   u.decided_level, u.decided_warning, array(select jsonb_array_elements_text(u.decided_reasons::jsonb)),
                   (@decidedSentences::integer[])[u.first_decided:u.last_decided], u.visible_from
            from unnest(@ordinals, @kinds, @texts, @levels, @warnings, @scores, @reasons, @firstSentences, @lastSentences,
                        @decidedLevels, @decidedWarnings, @decidedReasons, @firstDecided, @lastDecided, @visibleFrom)
                as u(ordinal, kind, text, level, warning, score, reasons, first_sentence, last_sentence,
                     decided_level, decided_warning, decided_reasons, first_decided, last_decided, visible_from)
            """;
        var article = new NpgsqlBatchCommand(blocks) { Parameters = { new NpgsqlParameter<long>("reviewId", reviewId) } };
        WithSentences(article, review.Blocks, "sentences", "firstSentences", "lastSentences");
        WithSentences(article, decision.Blocks, "decidedSentences", "firstDecided", "lastDecided");
        WithDecided(article, decision.Blocks);
        article.Parameters.Add(new NpgsqlParameter<short[]>("visibleFrom", decision.Blocks.Select(b => (short)ReviewDecider.VisibleFrom(b)).ToArray()));
        yield return WithBlocks(article, review.Blocks);
        yield return SearchCommand(reviewId, decision);
        yield return ReviewViews.UpsertCommand(reviewId, decision);
        if (review.Comments.Count == 0)
            yield break;

        // Ids are drawn first, so replies name their parents in the same insert (the self-reference is checked at the end
        // of the statement) and the comments' blocks name their comments.
        const string comments = """
            with ids as (
                select u.ordinal, nextval(pg_get_serial_sequence('comments', 'id')) as id
                from unnest(@ordinals) as u(ordinal)
            ),
            inserted as (
                insert into comments (id, review_id, external_id, parent_id, author, published_at, ordinal)
                overriding system value
                select i.id, @reviewId, u.external_id, p.id, u.author, u.published_at, u.ordinal
                from unnest(@externalIds, @authors, @publishedAt, @ordinals, @parents)
                    as u(external_id, author, published_at, ordinal, parent)
                join ids i on i.ordinal = u.ordinal
                left join ids p on p.ordinal = u.parent
                returning id, ordinal
            )
            insert into comment_blocks (comment_id, ordinal, kind, text, spoiler_level, warning, spoiler_score, reasons,
                                        decided_level, decided_warning, decided_reasons)
            select c.id, b.ordinal, b.kind, b.text, b.level, b.warning, b.score, array(select jsonb_array_elements_text(b.reasons::jsonb)),
                   b.decided_level, b.decided_warning, array(select jsonb_array_elements_text(b.decided_reasons::jsonb))
            from unnest(@blockComments, @blockOrdinals, @kinds, @texts, @levels, @warnings, @scores, @reasons,
                        @decidedLevels, @decidedWarnings, @decidedReasons)
                as b(comment, ordinal, kind, text, level, warning, score, reasons, decided_level, decided_warning, decided_reasons)
            join inserted c on c.ordinal = b.comment
            """;
        var list = review.Comments;
        var owned = list.SelectMany((comment, i) => comment.Blocks.Select((block, j) => (Comment: i, Block: block, Decided: decision.Comments[i][j]))).ToArray();
        var command = new NpgsqlBatchCommand(comments)
        {
            Parameters =
            {
                new NpgsqlParameter<long>("reviewId", reviewId),
                new NpgsqlParameter<string[]>("externalIds", list.Select(m => m.Id).ToArray()),
                new NpgsqlParameter<string?[]>("authors", list.Select(m => m.Author).ToArray()),
                new NpgsqlParameter<DateTime?[]>("publishedAt", list.Select(m => m.PublishedAt?.UtcDateTime).ToArray())
                {
                    NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
                },
                new NpgsqlParameter<int[]>("ordinals", Enumerable.Range(0, list.Count).ToArray()),
                new NpgsqlParameter<int?[]>("parents", parents),
                new NpgsqlParameter<int[]>("blockComments", owned.Select(o => o.Comment).ToArray()),
            },
        };
        WithDecided(command, owned.Select(o => o.Decided).ToArray());
        yield return WithBlocks(command, owned.Select(o => o.Block).ToArray(), ordinalsName: "blockOrdinals");
    }

    /// <summary>The review's search documents, one per tolerance, replacing any it had.</summary>
    public static NpgsqlBatchCommand SearchCommand(long reviewId, ReviewDecision decision)
    {
        const string sql = """
            insert into review_search (review_id, tolerance, document)
            select @reviewId, u.tolerance, to_tsvector('english', u.text)
            from unnest(@tolerances, @texts) as u(tolerance, text)
            on conflict (review_id, tolerance) do update set document = excluded.document
            where review_search.document is distinct from excluded.document
            """;
        return new NpgsqlBatchCommand(sql)
        {
            Parameters =
            {
                new NpgsqlParameter<long>("reviewId", reviewId),
                new NpgsqlParameter<short[]>("tolerances", ReviewDecider.Tolerances.Select(t => (short)t).ToArray()),
                new NpgsqlParameter<string[]>("texts", decision.Searchable.ToArray()),
            },
        };
    }

    public static NpgsqlBatchCommand DeleteCommand(long reviewId)
    {
        // Comment blocks and replies go with their comments (on delete cascade).
        const string sql = """
            with gone as (delete from comments where review_id = @reviewId)
            delete from review_blocks where review_id = @reviewId
            """;
        return new NpgsqlBatchCommand(sql) { Parameters = { new NpgsqlParameter<long>("reviewId", reviewId) } };
    }

    /// <summary>The decided level, warning and reasons of each block, as parameters of a bulk statement.</summary>
    internal static void WithDecided(NpgsqlBatchCommand command, IReadOnlyList<Block> decided)
    {
        command.Parameters.Add(new NpgsqlParameter<short[]>("decidedLevels", decided.Select(b => (short)b.Spoiler.Level).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<bool[]>("decidedWarnings", decided.Select(b => b.Spoiler.Warning).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("decidedReasons", decided.Select(b => JsonSerializer.Serialize(b.Spoiler.Reasons)).ToArray()));
    }

    internal static void WithSentences(NpgsqlBatchCommand command, IReadOnlyList<Block> blocks, string flatName, string firstName, string lastName)
    {
        var flat = new List<int>();
        var first = new int[blocks.Count];
        var last = new int[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            // One-based and inclusive, as PostgreSQL slices; an empty slice (last < first) stores an empty array.
            first[i] = flat.Count + 1;
            flat.AddRange(SentenceColumn.Flatten(blocks[i].Sentences));
            last[i] = flat.Count;
        }

        command.Parameters.Add(new NpgsqlParameter<int[]>(flatName, flat.ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int[]>(firstName, first));
        command.Parameters.Add(new NpgsqlParameter<int[]>(lastName, last));
    }

    private static NpgsqlBatchCommand WithBlocks(NpgsqlBatchCommand command, IReadOnlyList<Block> blocks, string ordinalsName = "ordinals")
    {
        command.Parameters.Add(new NpgsqlParameter<int[]>(ordinalsName, blocks.Select(b => b.Index).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("kinds", blocks.Select(b => BlockKinds.ToColumn(b.Kind)).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("texts", blocks.Select(b => b.Text).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<short[]>("levels", blocks.Select(b => (short)b.Spoiler.Level).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<bool[]>("warnings", blocks.Select(b => b.Spoiler.Warning).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<double[]>("scores", blocks.Select(b => b.Spoiler.Score).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("reasons", blocks.Select(b => JsonSerializer.Serialize(b.Spoiler.Reasons)).ToArray()));
        return command;
    }

    private static void EnsureUniqueIndexes(IReadOnlyList<Block> blocks, string owner)
    {
        var seen = new HashSet<int>();
        foreach (var block in blocks)
        {
            if (!seen.Add(block.Index))
                throw new ArgumentException($"Block index {block.Index} appears twice in {owner}.", nameof(blocks));
        }
    }
}
