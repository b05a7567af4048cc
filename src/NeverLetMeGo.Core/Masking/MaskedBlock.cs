using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Masking;

/// <summary>
/// A block as a reader with a given tolerance may see it. When <see cref="Hidden"/> is true, <see cref="Text"/> is null:
/// the text never leaves the projection, and nothing derived from it (length, words) does either. <see cref="Reason"/> says why a
/// block is a spoiler or a warning, in the tagger's own words, visible or not. <see cref="Parts"/> is set only in
/// <see cref="MaskMode.Sentences"/>, for a hidden block with at least one sentence the reader may see.
/// </summary>
public sealed record MaskedBlock(int Index, BlockKind Kind, SpoilerLevel Level, bool Warning, bool Hidden, string? Text, string? Reason)
{
    public IReadOnlyList<MaskedPart>? Parts { get; init; }
}

/// <summary>
/// A piece of a hidden block in reading order: visible sentences with their text (run together as the page wrote them), or
/// one hidden run of sentences with a null text and the highest level in it. A run, not a sentence: how many sentences are
/// hidden is not told either.
/// </summary>
public sealed record MaskedPart(bool Hidden, SpoilerLevel Level, string? Text);
