using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Masking;

/// <summary>
/// What a list, a feed or a card may say about a review without showing it: whether it has spoilers, how bad, how many
/// blocks, and an excerpt made only of the text before the first spoiler or warning.
/// </summary>
public sealed record SpoilerSummary(bool ContainsSpoilers, SpoilerLevel HighestLevel, int PremiseBlocks, int MajorBlocks, string Excerpt, bool ExcerptTruncated);

/// <summary>A review's blocks projected for one reader, with its summary and a title that is safe to show anywhere.</summary>
public sealed record SafeReview(string Title, bool TitleReplaced, SpoilerSummary Summary, int HiddenBlocks, IReadOnlyList<MaskedBlock> Blocks);
