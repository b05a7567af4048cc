using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Ratings;

namespace NeverLetMeGo.Core.Decisions;

/// <summary>
/// Every decision a read of a review needs, made once when the review is written (scrape, re-tag, correction) and stored
/// with it: the blocks at their effective level, the comments after quote inheritance, the spoiler summary with its safe
/// excerpt, the safe title, the text search may match at each tolerance and whether the rating counts as positive.
/// </summary>
public sealed record ReviewDecision
{
    public required IReadOnlyList<Block> Blocks { get; init; }

    /// <summary>Each comment's blocks, by the comment's position in <see cref="ReviewFacts.Comments"/>.</summary>
    public required IReadOnlyList<IReadOnlyList<Block>> Comments { get; init; }

    public required SpoilerSummary Summary { get; init; }

    public required string Title { get; init; }

    public required bool TitleReplaced { get; init; }

    /// <summary>The text a search at each tolerance may match, indexed by <see cref="SpoilerTolerance"/>: visible blocks only.</summary>
    public required IReadOnlyList<string> Searchable { get; init; }

    /// <summary>
    /// The review as a reader at each tolerance sees it with hidden blocks as placeholders (the default mask), indexed by
    /// <see cref="SpoilerTolerance"/>: stored, so the most common read serves it without masking anything.
    /// </summary>
    public required IReadOnlyList<MaskedReview> Views { get; init; }

    /// <summary>Null when the review has no rating.</summary>
    public required bool? RatingPositive { get; init; }
}

/// <summary>The one place a review's reading decisions are made: pure, from its stored facts.</summary>
public static class ReviewDecider
{
    /// <summary>
    /// The version of these rules. Stored with each decision; a database whose decisions were made by another version is
    /// decided again when it is migrated, so a rule changed here reaches every stored review (2: the masked views).
    /// </summary>
    public const int RulesVersion = 2;

    public static IReadOnlyList<SpoilerTolerance> Tolerances { get; } = [SpoilerTolerance.None, SpoilerTolerance.Premise, SpoilerTolerance.All];

    public static ReviewDecision Decide(ReviewFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var blocks = Corrected(facts.Blocks, facts.Corrections);
        var (title, replaced) = SafeText.Title(facts.Title, facts.WorkTitle, blocks, facts.TitleLevel);
        return new ReviewDecision
        {
            Blocks = blocks,
            Comments = CommentThread.Decide(facts.Comments),
            Summary = SpoilerMask.Summarize(blocks),
            Title = title,
            TitleReplaced = replaced,
            Searchable = [.. Tolerances.Select(t => Searchable(blocks, t))],
            Views = [.. Tolerances.Select(t => SpoilerMask.Read(blocks, t))],
            RatingPositive = facts.RatingNormalized is { } score ? RatingStatistics.IsPositive(score) : null,
        };
    }

    /// <summary>
    /// The blocks at their effective level: a correction wins over the tagger and says so as the block's only reason. A
    /// corrected block is no longer a warning unless corrected to none, and loses its sentences, which know nothing of
    /// the correction, so it is hidden whole.
    /// </summary>
    public static IReadOnlyList<Block> Corrected(IReadOnlyList<Block> blocks, IReadOnlyList<BlockCorrection> corrections)
    {
        if (corrections.Count == 0)
            return blocks;
        var byOrdinal = corrections.ToDictionary(c => c.Ordinal);
        return [.. blocks.Select(b => byOrdinal.TryGetValue(b.Index, out var c) ? Correct(b, c) : b)];
    }

    private static Block Correct(Block block, BlockCorrection correction)
    {
        var reason = correction.Source == CorrectionSource.Operator ? SpoilerReasons.Operator : SpoilerReasons.ReaderReports;
        var warning = block.Spoiler.Warning && correction.Level == SpoilerLevel.None;
        return block with { Spoiler = new SpoilerTag(correction.Level, warning, block.Spoiler.Score, [reason]), Sentences = [] };
    }

    /// <summary>The lowest tolerance a block is shown at: an author's warning always, anything else from its own level.</summary>
    public static SpoilerTolerance VisibleFrom(Block block) => block.Spoiler.Warning ? SpoilerTolerance.None : (SpoilerTolerance)(int)block.Spoiler.Level;

    private static string Searchable(IReadOnlyList<Block> blocks, SpoilerTolerance tolerance)
        => string.Join("\n", blocks.Where(b => SpoilerMask.IsVisible(b, tolerance)).Select(b => b.Text));
}
