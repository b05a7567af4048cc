using NeverLetMeGo.Core.Decisions;
using NeverLetMeGo.Core.Model;
using Npgsql;

namespace NeverLetMeGo.Data.Reviews;

/// <summary>
/// A stored review's decision inputs (ReviewFacts: the tagger's blocks, its comments and their reply links, its
/// corrections, its titles and rating), with the row id of each comment by position, read in one round trip.
/// </summary>
internal sealed record StoredFacts(ReviewFacts Facts, IReadOnlyList<long> CommentIds)
{
    private const string Sql = """
        select r.title, w.title, r.rating_normalized, r.title_level
        from reviews r join works w on w.id = r.work_id
        where r.id = @id;

        select ordinal, kind, text, spoiler_level, warning, spoiler_score, reasons, sentences
        from review_blocks
        where review_id = @id
        order by ordinal;

        select c.id, c.parent_id, b.ordinal, b.kind, b.text, b.spoiler_level, b.warning, b.spoiler_score, b.reasons
        from comments c
        left join comment_blocks b on b.comment_id = c.id
        where c.review_id = @id
        order by c.ordinal, b.ordinal;

        select ordinal, level, source
        from block_level_overrides
        where review_id = @id;
        """;

    public static async Task<StoredFacts?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction tx, long reviewId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Sql, connection, tx) { Parameters = { new NpgsqlParameter<long>("id", reviewId) } };
        await using var r = await command.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct))
            return null;
        var (title, workTitle, rating) = (r.IsDBNull(0) ? null : r.GetString(0), r.GetString(1), r.IsDBNull(2) ? (double?)null : r.GetDouble(2));
        var titleLevel = (SpoilerLevel)r.GetInt16(3);

        await r.NextResultAsync(ct);
        var blocks = new List<Block>();
        while (await r.ReadAsync(ct))
        {
            blocks.Add(ReadBlock(r, 0) with { Sentences = r.IsDBNull(7) ? [] : SentenceColumn.Read(r.GetFieldValue<int[]>(7)) });
        }

        await r.NextResultAsync(ct);
        var ids = new List<long>();
        var parents = new List<long?>();
        var commentBlocks = new List<List<Block>>();
        while (await r.ReadAsync(ct))
        {
            var id = r.GetInt64(0);
            if (ids.Count == 0 || ids[^1] != id)
            {
                ids.Add(id);
                parents.Add(r.IsDBNull(1) ? null : r.GetInt64(1));
                commentBlocks.Add([]);
            }

            if (!r.IsDBNull(2))
                commentBlocks[^1].Add(ReadBlock(r, 2));
        }

        await r.NextResultAsync(ct);
        var corrections = new List<BlockCorrection>();
        while (await r.ReadAsync(ct))
            corrections.Add(ReviewDecisions.Correction(r.GetInt32(0), r.GetInt16(1), r.GetString(2)));

        var position = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var comments = commentBlocks.Select((b, i) => new ThreadComment(parents[i] is { } p && position.TryGetValue(p, out var at) ? at : null, b)).ToArray();
        var facts = new ReviewFacts
        {
            Title = title,
            TitleLevel = titleLevel,
            WorkTitle = workTitle,
            Blocks = blocks,
            Comments = comments,
            Corrections = corrections,
            RatingNormalized = rating,
        };
        return new StoredFacts(facts, ids);
    }

    /// <summary>The tagger's columns of a block row at <paramref name="at"/>: ordinal, kind, text, level, warning, score, reasons.</summary>
    private static Block ReadBlock(NpgsqlDataReader r, int at) => new(
        r.GetInt32(at), BlockKinds.FromColumn(r.GetString(at + 1)), r.GetString(at + 2),
        new SpoilerTag((SpoilerLevel)r.GetInt16(at + 3), r.GetBoolean(at + 4), r.GetDouble(at + 5), r.GetFieldValue<string[]>(at + 6)));
}
