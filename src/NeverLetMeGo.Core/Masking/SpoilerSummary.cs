using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Masking;

/// <summary>
/// What a list, a feed or a card may say about a review without showing it: whether it has spoilers, how bad, how many
/// blocks, and an excerpt made only of the text before the first spoiler or warning.
/// </summary>
public sealed record SpoilerSummary(bool ContainsSpoilers, SpoilerLevel HighestLevel, int PremiseBlocks, int MajorBlocks, string Excerpt, bool ExcerptTruncated);

/// <summary>A review's blocks projected for one reader, and how many of them that reader cannot see.</summary>
public sealed record MaskedReview(int HiddenBlocks, IReadOnlyList<MaskedBlock> Blocks);
