using Microsoft.Extensions.Logging;
using NeverLetMeGo.Core.Decisions;
using NeverLetMeGo.Core.Model;
using Npgsql;
using NpgsqlTypes;

namespace NeverLetMeGo.Data.Reviews;

/// <summary>
/// Stores Core's decisions for a review (ReviewDecider): when it is saved (ReviewStore), and again whenever one of their
/// inputs changes: a re-tag, a correction, an accepted report, a new version of the rules. Reading the inputs is one
/// round trip and writing the decisions another, one statement per table.
/// </summary>
public static class ReviewDecisions
{
    /// <summary>The reviews columns a decision fills, as a SET list over the parameters of <see cref="AddSummary"/>.</summary>
    internal const string SummarySet = """
        safe_title = @safeTitle, title_replaced = @titleReplaced, contains_spoilers = @containsSpoilers,
        max_spoiler_level = @maxSpoilerLevel, premise_blocks = @premiseBlocks, major_blocks = @majorBlocks,
        excerpt = @excerpt, excerpt_truncated = @excerptTruncated, comment_count = @commentCount,
        rating_positive = @ratingPositive, decided_rules = @decidedRules
        """;

    internal const string SummaryColumns = """
        safe_title, title_replaced, contains_spoilers, max_spoiler_level, premise_blocks, major_blocks,
        excerpt, excerpt_truncated, comment_count, rating_positive, decided_rules
        """;

    internal const string SummaryValues = """
        @safeTitle, @titleReplaced, @containsSpoilers, @maxSpoilerLevel, @premiseBlocks, @majorBlocks,
        @excerpt, @excerptTruncated, @commentCount, @ratingPositive, @decidedRules
        """;

    internal static void AddSummary(NpgsqlParameterCollection p, ReviewDecision d)
    {
        p.Add(new NpgsqlParameter<string>("safeTitle", d.Title));
        p.Add(new NpgsqlParameter<bool>("titleReplaced", d.TitleReplaced));
        p.Add(new NpgsqlParameter<bool>("containsSpoilers", d.Summary.ContainsSpoilers));
        p.Add(new NpgsqlParameter<short>("maxSpoilerLevel", (short)d.Summary.HighestLevel));
        p.Add(new NpgsqlParameter<int>("premiseBlocks", d.Summary.PremiseBlocks));
        p.Add(new NpgsqlParameter<int>("majorBlocks", d.Summary.MajorBlocks));
        p.Add(new NpgsqlParameter<string>("excerpt", d.Summary.Excerpt));
        p.Add(new NpgsqlParameter<bool>("excerptTruncated", d.Summary.ExcerptTruncated));
        p.Add(new NpgsqlParameter<int>("commentCount", d.Comments.Count));
        p.Add(new NpgsqlParameter("ratingPositive", NpgsqlDbType.Boolean) { Value = d.RatingPositive is { } positive ? positive : DBNull.Value });
        p.Add(new NpgsqlParameter<int>("decidedRules", ReviewDecider.RulesVersion));
    }

    /// <summary>The corrections of a review's blocks as Core reads them.</summary>
    internal static BlockCorrection Correction(int ordinal, short level, string source)
        => new(ordinal, (SpoilerLevel)level, source == CorrectionSources.Operator ? CorrectionSource.Operator : CorrectionSource.Readers);

    /// <summary>Decides a stored review again from its stored inputs, inside the caller's transaction; false when there is no such review.</summary>
    public static async Task<bool> RedecideAsync(NpgsqlConnection connection, NpgsqlTransaction tx, long reviewId, CancellationToken ct)
    {
        if (await StoredFacts.ReadAsync(connection, tx, reviewId, ct) is not { } stored)
            return false;
        var decision = ReviewDecider.Decide(stored.Facts);
        await using var batch = new NpgsqlBatch(connection, tx);
        foreach (var command in UpdateCommands(reviewId, stored, decision))
            batch.BatchCommands.Add(command);
        await batch.ExecuteNonQueryAsync(ct);
        return true;
    }

    /// <summary>
    /// Decides every review whose stored decisions were made by no or another version of the rules (after a migration
    /// added columns, or a release changed a rule), one transaction per review; returns how many.
    /// </summary>
    public static async Task<int> DecideOutdatedAsync(NpgsqlDataSource db, ILogger logger, CancellationToken ct)
    {
        const string outdated = "select id from reviews where decided_rules is distinct from @rules order by id";
        var ids = new List<long>();
        await using (var connection = await db.OpenConnectionAsync(ct))
        await using (var command = new NpgsqlCommand(outdated, connection) { Parameters = { new NpgsqlParameter<int>("rules", ReviewDecider.RulesVersion) } })
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                ids.Add(reader.GetInt64(0));
        }

        if (ids.Count == 0)
            return 0;
        logger.LogInformation("Deciding {Count} reviews with rules version {Version}", ids.Count, ReviewDecider.RulesVersion);
        await using (var connection = await db.OpenConnectionAsync(ct))
        {
            foreach (var id in ids)
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                await LockAsync(connection, tx, id, ct);
                await RedecideAsync(connection, tx, id, ct);
                await tx.CommitAsync(ct);
            }
        }

        return ids.Count;
    }

    /// <summary>Holds the review's row for the rest of the transaction, as every writer of its decisions does.</summary>
    internal static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction tx, long reviewId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select 1 from reviews where id = @id for update", connection, tx)
        {
            Parameters = { new NpgsqlParameter<long>("id", reviewId) },
        };
        await command.ExecuteNonQueryAsync(ct);
    }

    private static IEnumerable<NpgsqlBatchCommand> UpdateCommands(long reviewId, StoredFacts stored, ReviewDecision decision)
    {
        // Only rows whose decision changed are written: a new version of the rules that leaves a block as it was (0019
        // added the views) must not rewrite every block row of every review, which doubled review_blocks on disk and
        // cost its reads their order (bench/README.md, Performance).
        const string blocks = """
            update review_blocks b
            set decided_level = n.level, decided_warning = n.warning, decided_reasons = n.reasons,
                decided_sentences = n.sentences, visible_from = n.visible_from
            from (
                select u.ordinal, u.level, u.warning, array(select jsonb_array_elements_text(u.reasons::jsonb)) as reasons,
                       (@decidedSentences::integer[])[u.first_decided:u.last_decided] as sentences, u.visible_from
                from unnest(@ordinals, @decidedLevels, @decidedWarnings, @decidedReasons, @firstDecided, @lastDecided, @visibleFrom)
                    as u(ordinal, level, warning, reasons, first_decided, last_decided, visible_from)
            ) n
            where b.review_id = @reviewId and b.ordinal = n.ordinal
              and (b.decided_level, b.decided_warning, b.decided_reasons, b.decided_sentences, b.visible_from)
                  is distinct from (n.level, n.warning, n.reasons, n.sentences, n.visible_from)
            """;
        var article = new NpgsqlBatchCommand(blocks)
        {
            Parameters =
            {
                new NpgsqlParameter<long>("reviewId", reviewId),
                new NpgsqlParameter<int[]>("ordinals", decision.Blocks.Select(b => b.Index).ToArray()),
                new NpgsqlParameter<short[]>("visibleFrom", decision.Blocks.Select(b => (short)ReviewDecider.VisibleFrom(b)).ToArray()),
            },
        };
        ReviewChildren.WithDecided(article, decision.Blocks);
        ReviewChildren.WithSentences(article, decision.Blocks, "decidedSentences", "firstDecided", "lastDecided");
        yield return article;

        if (stored.CommentIds.Count > 0)
        {
            const string comments = """
                update comment_blocks b
                set decided_level = n.level, decided_warning = n.warning, decided_reasons = n.reasons
                from (
                    select u.comment, u.ordinal, u.level, u.warning, array(select jsonb_array_elements_text(u.reasons::jsonb)) as reasons
                    from unnest(@comments, @ordinals, @decidedLevels, @decidedWarnings, @decidedReasons) as u(comment, ordinal, level, warning, reasons)
                ) n
                where b.comment_id = n.comment and b.ordinal = n.ordinal
                  and (b.decided_level, b.decided_warning, b.decided_reasons) is distinct from (n.level, n.warning, n.reasons)
                """;
            var owned = decision.Comments.SelectMany((c, i) => c.Select(b => (Comment: stored.CommentIds[i], Block: b))).ToArray();
            var command = new NpgsqlBatchCommand(comments)
            {
                Parameters =
                {
                    new NpgsqlParameter<long[]>("comments", owned.Select(o => o.Comment).ToArray()),
                    new NpgsqlParameter<int[]>("ordinals", owned.Select(o => o.Block.Index).ToArray()),
                },
            };
            ReviewChildren.WithDecided(command, owned.Select(o => o.Block).ToArray());
            yield return command;
        }

        const string summary = $"update reviews set {SummarySet}, updated_at = now() where id = @reviewId";
        var review = new NpgsqlBatchCommand(summary) { Parameters = { new NpgsqlParameter<long>("reviewId", reviewId) } };
        AddSummary(review.Parameters, decision);
        yield return review;
        yield return ReviewChildren.SearchCommand(reviewId, decision);
        yield return ReviewViews.UpsertCommand(reviewId, decision);
    }
}

/// <summary>How block_level_overrides.source names who set a level.</summary>
public static class CorrectionSources
{
    public const string Readers = "reports";
    public const string Operator = "operator";
}
