using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Decisions;

/// <summary>Who set a block's level over the tagger's: enough agreeing readers, or an operator.</summary>
public enum CorrectionSource
{
    Readers,
    Operator,
}

/// <summary>A reader or operator correction of one article block's level (kept across re-scrapes, keyed by position).</summary>
public sealed record BlockCorrection(int Ordinal, SpoilerLevel Level, CorrectionSource Source);

/// <summary>One comment of a thread as tagged; <see cref="Parent"/> is the position of the comment it replies to.</summary>
public sealed record ThreadComment(int? Parent, IReadOnlyList<Block> Blocks);

/// <summary>Everything stored about a review that decides what a reader is shown of it.</summary>
public sealed record ReviewFacts
{
    public required string? Title { get; init; }

    /// <summary>What the detector read in the title (<see cref="Model.Review.TitleLevel"/>); none for reviews stored before it did.</summary>
    public SpoilerLevel TitleLevel { get; init; }

    /// <summary>The work's stored title (the one every surface names it by).</summary>
    public required string WorkTitle { get; init; }

    /// <summary>The article's blocks as the tagger left them.</summary>
    public required IReadOnlyList<Block> Blocks { get; init; }

    /// <summary>Comments in page order; parents resolved by <see cref="CommentThread.ResolveParents"/>.</summary>
    public IReadOnlyList<ThreadComment> Comments { get; init; } = [];

    public IReadOnlyList<BlockCorrection> Corrections { get; init; } = [];

    public double? RatingNormalized { get; init; }
}
