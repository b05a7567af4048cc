using Dapper;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Data.Reviews;
using Npgsql;

namespace NeverLetMeGo.Data.Knowledge;

/// <summary>A stored review's blocks as the tagger needs them: the article's, and each comment's (keyed by comment row id).</summary>
public sealed record StoredReviewBlocks(long ReviewId, long WorkId, IReadOnlyList<Block> Article, IReadOnlyList<(long CommentId, IReadOnlyList<Block> Blocks)> Comments);

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
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var grid = await connection.QueryMultipleAsync(new CommandDefinition(sql, new { reviewId }, cancellationToken: ct));
        var article = (await grid.ReadAsync<StoredBlock>()).Select(b => b.ToBlock()).ToArray();
        var comments = (await grid.ReadAsync<StoredBlock>()).GroupBy(b => b.Owner)
            .Select(g => (g.Key, (IReadOnlyList<Block>)g.Select(b => b.ToBlock()).ToArray())).ToArray();
        return new StoredReviewBlocks(reviewId, workId, article, comments);
    }

    /// <summary>Writes the changed tags of one review and its new decisions in one transaction.</summary>
    public async Task SaveTagsAsync(long reviewId, IReadOnlyList<Block> article, IReadOnlyList<(long CommentId, Block Block)> comments, CancellationToken ct)
    {
        const string reviewBlock = """
            update review_blocks set spoiler_level = @Level, warning = @Warning, spoiler_score = @Score, reasons = @Reasons, sentences = @Sentences
            where review_id = @Owner and ordinal = @Ordinal
            """;
        const string commentBlock = """
            update comment_blocks set spoiler_level = @Level, warning = @Warning, spoiler_score = @Score, reasons = @Reasons
            where comment_id = @Owner and ordinal = @Ordinal
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // The review's row first, as every writer of its decisions takes it (corrections too): no two wait on each other.
        await ReviewDecisions.LockAsync(connection, transaction, reviewId, ct);
        await connection.ExecuteAsync(new CommandDefinition(reviewBlock, article.Select(b => Tag(reviewId, b, SentenceColumn.Flatten(b.Sentences))), transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(commentBlock, comments.Select(c => Tag(c.CommentId, c.Block)), transaction, cancellationToken: ct));
        // The new tags are inputs of what readers are shown: decided again in the same transaction.
        await ReviewDecisions.RedecideAsync(connection, transaction, reviewId, ct);
        await transaction.CommitAsync(ct);
    }

    // The parameters of one block's update; sentences only for review blocks (comment blocks keep none).
    private static StoredTag Tag(long owner, Block b, int[]? sentences = null) =>
        new(owner, b.Index, (short)b.Spoiler.Level, b.Spoiler.Warning, b.Spoiler.Score, b.Spoiler.Reasons.ToArray(), sentences);

    private sealed record StoredTag(long Owner, int Ordinal, short Level, bool Warning, double Score, string[] Reasons, int[]? Sentences);

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
