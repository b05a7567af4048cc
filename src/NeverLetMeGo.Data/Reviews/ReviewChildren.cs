using Dapper;
using NeverLetMeGo.Core.Model;
using Npgsql;
using NpgsqlTypes;

namespace NeverLetMeGo.Data.Reviews;

/// <summary>A review's blocks and comments: written in bulk (binary COPY and array parameters), never one row per statement.</summary>
internal static class ReviewChildren
{
    public static void Validate(Review review)
    {
        EnsureUniqueIndexes(review.Blocks, review.Url);
        foreach (var comment in review.Comments)
            EnsureUniqueIndexes(comment.Blocks, $"{review.Url} comment {comment.Id}");
    }

    public static Task DeleteAsync(NpgsqlConnection c, NpgsqlTransaction tx, long reviewId, CancellationToken ct)
    {
        // Comment blocks and replies go with their comments (on delete cascade).
        const string sql = """
            delete from comments where review_id = @reviewId;
            delete from review_blocks where review_id = @reviewId;
            """;
        return c.ExecuteAsync(new CommandDefinition(sql, new { reviewId }, tx, cancellationToken: ct));
    }

    public static async Task InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, long reviewId, Review review, CancellationToken ct)
    {
        const string copyReviewBlocks = """
            copy review_blocks (review_id, ordinal, kind, text, spoiler_level, warning, spoiler_score, reasons)
            from stdin (format binary)
            """;
        const string copyCommentBlocks = """
            copy comment_blocks (comment_id, ordinal, kind, text, spoiler_level, warning, spoiler_score, reasons)
            from stdin (format binary)
            """;

        await CopyBlocksAsync(c, copyReviewBlocks, review.Blocks.Select(b => (reviewId, b)), ct);
        if (review.Comments.Count == 0)
            return;

        var ids = await InsertCommentsAsync(c, tx, reviewId, review.Comments, ct);
        await LinkRepliesAsync(c, tx, ids, ResolveParents(review.Comments), ct);
        await CopyBlocksAsync(c, copyCommentBlocks, review.Comments.SelectMany((comment, i) => comment.Blocks.Select(b => (ids[i], b))), ct);
    }

    /// <summary>
    /// For each comment (by page position), the position of the comment it replies to. Unknown parents, self-replies and
    /// cycles are dropped so the stored thread is always a forest, whatever the page said.
    /// </summary>
    internal static int?[] ResolveParents(IReadOnlyList<Comment> comments)
    {
        var positionById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < comments.Count; i++)
            positionById.TryAdd(comments[i].Id, i);

        var parents = new int?[comments.Count];
        for (var i = 0; i < comments.Count; i++)
        {
            if (comments[i].ParentId is { } parentId && positionById.TryGetValue(parentId, out var p) && p != i)
                parents[i] = p;
        }

        for (var i = 0; i < parents.Length; i++)
        {
            var seen = new HashSet<int> { i };
            for (var at = parents[i]; at is { } a; at = parents[a])
            {
                if (seen.Add(a))
                    continue;
                if (a == i)
                    parents[i] = null; // i is on a cycle: cutting its link breaks it.
                break;
            }
        }
        return parents;
    }

    private static async Task<long[]> InsertCommentsAsync(NpgsqlConnection c, NpgsqlTransaction tx, long reviewId, IReadOnlyList<Comment> comments, CancellationToken ct)
    {
        const string sql = """
            insert into comments (review_id, external_id, author, published_at, ordinal)
            select @reviewId, u.external_id, u.author, u.published_at, u.ordinal
            from unnest(@externalIds, @authors, @publishedAt, @ordinals) as u(external_id, author, published_at, ordinal)
            returning id, ordinal
            """;
        await using var command = new NpgsqlCommand(sql, c, tx);
        command.Parameters.Add(new NpgsqlParameter<long>("reviewId", reviewId));
        command.Parameters.Add(new NpgsqlParameter<string[]>("externalIds", comments.Select(m => m.Id).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("authors", comments.Select(m => m.Author).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateTime?[]>("publishedAt", comments.Select(m => m.PublishedAt?.UtcDateTime).ToArray())
        {
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
        });
        command.Parameters.Add(new NpgsqlParameter<int[]>("ordinals", Enumerable.Range(0, comments.Count).ToArray()));

        var ids = new long[comments.Count];
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            ids[reader.GetInt32(1)] = reader.GetInt64(0);
        return ids;
    }

    private static async Task LinkRepliesAsync(NpgsqlConnection c, NpgsqlTransaction tx, long[] ids, int?[] parents, CancellationToken ct)
    {
        const string sql = """
            update comments set parent_id = link.parent_id
            from unnest(@childIds, @parentIds) as link(child_id, parent_id)
            where comments.id = link.child_id
            """;
        var replies = Enumerable.Range(0, ids.Length).Where(i => parents[i] is not null).ToArray();
        if (replies.Length == 0)
            return;
        await using var command = new NpgsqlCommand(sql, c, tx);
        command.Parameters.Add(new NpgsqlParameter<long[]>("childIds", replies.Select(i => ids[i]).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<long[]>("parentIds", replies.Select(i => ids[parents[i]!.Value]).ToArray()));
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task CopyBlocksAsync(NpgsqlConnection c, string copy, IEnumerable<(long OwnerId, Block Block)> rows, CancellationToken ct)
    {
        await using var importer = await c.BeginBinaryImportAsync(copy, ct);
        foreach (var (ownerId, block) in rows)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(ownerId, NpgsqlDbType.Bigint, ct);
            await importer.WriteAsync(block.Index, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(BlockKinds.ToColumn(block.Kind), NpgsqlDbType.Text, ct);
            await importer.WriteAsync(block.Text, NpgsqlDbType.Text, ct);
            await importer.WriteAsync((short)block.Spoiler.Level, NpgsqlDbType.Smallint, ct);
            await importer.WriteAsync(block.Spoiler.Warning, NpgsqlDbType.Boolean, ct);
            await importer.WriteAsync(block.Spoiler.Score, NpgsqlDbType.Double, ct);
            await importer.WriteAsync(block.Spoiler.Reasons.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        }
        await importer.CompleteAsync(ct);
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
