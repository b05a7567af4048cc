namespace NeverLetMeGo.Core.Model;

/// <summary>
/// One block of a review or comment, in reading order, with its spoiler tag. <see cref="Sentences"/> lets a reader hide one
/// sentence instead of the paragraph; a block's level is never below any of its sentences' levels.
/// </summary>
public sealed record Block(int Index, BlockKind Kind, string Text, SpoilerTag Spoiler)
{
    public IReadOnlyList<SentenceSpan> Sentences { get; init; } = [];
}
