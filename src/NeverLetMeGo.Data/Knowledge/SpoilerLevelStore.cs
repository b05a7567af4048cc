using Dapper;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Data.Reviews;
using Npgsql;

namespace NeverLetMeGo.Data.Knowledge;

/// <summary>
/// A stored review's text as the tagger needs it: the article's blocks, each comment's (keyed by comment row id), and the
/// title with what the tagger last read in it.
/// </summary>
public sealed record StoredReviewBlocks(long ReviewId, long WorkId, IReadOnlyList<Block> Article, IReadOnlyList<(long CommentId, IReadOnlyList<Block> Blocks)> Comments)
{
    public string? Title { get; init; }

    public SpoilerLevel TitleLevel { get; init; }
}

/// <summary>
/// Reads stored blocks for re-tagging and writes back only their spoiler tags (level, warning, score, reasons), then
/// decides the review again (ReviewDecisions): operator and reader corrections still win over the new tags.
/// </summary>
public sealed class SpoilerLevelStore(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<(long ReviewId, long WorkId)>> GetReviewIdsAsync(long? workId, CancellationToken ct)
    {
        const string sql = """
            select id, work_id from reviews where @workId::bigint is null or work_id = @workId order by work_id, id
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(long, long)>(new CommandDefinition(sql, new { workId }, cancellationToken: ct));
        return rows.ToList();
    }

    public async Task<StoredReviewBlocks> GetBlocksAsync(long reviewId, long workId, CancellationToken ct)
    {
        const string sql = """
            select 0::bigint as owner, ordinal, kind, text, spoiler_level as level, warning, spoiler_score as score, reasons, sentences
            from review_blocks where review_id = @reviewId
            order by ordinal;
            select c.id as owner, b.ordinal, b.kind, b.text, b.spoiler_level as level, b.warning, b.spoiler_score as score, b.reasons
            from comment_blocks b join comments c on c.id = b.comment_id
            where c.review_id = @reviewId
            order by c.ordinal, b.ordinal;
            select title, title_level from reviews where id = @reviewId;
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var grid = await connection.QueryMultipleAsync(new CommandDefinition(sql, new { reviewId }, cancellationToken: ct));
        var article = (await grid.ReadAsync<StoredBlock>()).Select(b => b.ToBlock()).ToArray();
        var comments = (await grid.ReadAsync<StoredBlock>()).GroupBy(b => b.Owner)
            .Select(g => (g.Key, (IReadOnlyList<Block>)g.Select(b => b.ToBlock()).ToArray())).ToArray();
        var (title, titleLevel) = await grid.ReadSingleOrDefaultAsync<(string?, short)>();
        return new StoredReviewBlocks(reviewId, workId, article, comments) { Title = title, TitleLevel = (SpoilerLevel)titleLevel };
    }

    /// <summary>
    /// Writes the new tags of one review (one statement per table, whatever the number of blocks), its title's level and
    /// its new decisions, in one transaction.
    /// </summary>
    public async Task SaveTagsAsync(
        long reviewId, IReadOnlyList<Block> article, IReadOnlyList<(long CommentId, Block Block)> comments, SpoilerLevel titleLevel, CancellationToken ct)
    {
        const string title = "update reviews set title_level = @level where id = @reviewId";
        const string reviewBlocks = """
            update review_blocks b
            set spoiler_level = u.level, warning = u.warning, spoiler_score = u.score,
                reasons = array(select jsonb_array_elements_text(u.reasons::jsonb)),
                sentences = (@sentences::integer[])[u.first_sentence:u.last_sentence]
            from unnest(@ordinals, @levels, @warnings, @scores, @reasons, @firstSentences, @lastSentences)
                as u(ordinal, level, warning, score, reasons, first_sentence, last_sentence)
            where b.review_id = @reviewId and b.ordinal = u.ordinal
            """;
        const string commentBlocks = """
            update comment_blocks b
            set spoiler_level = u.level, warning = u.warning, spoiler_score = u.score, reasons = array(select jsonb_array_elements_text(u.reasons::jsonb))
            from unnest(@comments, @ordinals, @levels, @warnings, @scores, @reasons) as u(comment, ordinal, level, warning, score, reasons)
            where b.comment_id = u.comment and b.ordinal = u.ordinal
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // The review's row first, as every writer of its decisions takes it (corrections too): no two wait on each other.
        await ReviewDecisions.LockAsync(connection, transaction, reviewId, ct);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            var blocks = new NpgsqlBatchCommand(reviewBlocks) { Parameters = { new NpgsqlParameter<long>("reviewId", reviewId) } };
            ReviewChildren.WithSentences(blocks, article, "sentences", "firstSentences", "lastSentences");
            batch.BatchCommands.Add(WithTags(blocks, article));
            var replies = new NpgsqlBatchCommand(commentBlocks) { Parameters = { new NpgsqlParameter<long[]>("comments", comments.Select(c => c.CommentId).ToArray()) } };
            batch.BatchCommands.Add(WithTags(replies, [.. comments.Select(c => c.Block)]));
            batch.BatchCommands.Add(new NpgsqlBatchCommand(title)
            {
                Parameters = { new NpgsqlParameter<long>("reviewId", reviewId), new NpgsqlParameter<short>("level", (short)titleLevel) },
            });
            await batch.ExecuteNonQueryAsync(ct);
        }

        // The new tags are inputs of what readers are shown: decided again in the same transaction.
        await ReviewDecisions.RedecideAsync(connection, transaction, reviewId, ct);
        await transaction.CommitAsync(ct);
    }

    private static NpgsqlBatchCommand WithTags(NpgsqlBatchCommand command, IReadOnlyList<Block> blocks)
    {
        command.Parameters.Add(new NpgsqlParameter<int[]>("ordinals", blocks.Select(b => b.Index).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<short[]>("levels", blocks.Select(b => (short)b.Spoiler.Level).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<bool[]>("warnings", blocks.Select(b => b.Spoiler.Warning).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<double[]>("scores", blocks.Select(b => b.Spoiler.Score).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("reasons", blocks.Select(b => System.Text.Json.JsonSerializer.Serialize(b.Spoiler.Reasons)).ToArray()));
        return command;
    }

    private sealed class StoredBlock
    {
        public long Owner { get; init; }
        public int Ordinal { get; init; }
        public string Kind { get; init; } = "";
        public string Text { get; init; } = "";
        public short Level { get; init; }
        public bool Warning { get; init; }
        public double Score { get; init; }
        public string[] Reasons { get; init; } = [];
        public int[]? Sentences { get; init; }

        public Block ToBlock() =>
            new(Ordinal, BlockKinds.FromColumn(Kind), Text, new SpoilerTag((SpoilerLevel)Level, Warning, Score, Reasons)) { Sentences = SentenceColumn.Read(Sentences) };
    }
}
