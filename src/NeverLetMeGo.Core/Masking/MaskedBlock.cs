using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Masking;

/// <summary>
/// A block as a reader with a given tolerance may see it. When <see cref="Hidden"/> is true, <see cref="Text"/> is null:
/// the text never leaves the projection, and nothing derived from it (length, words) does either. <see cref="Reason"/> says why a
/// block is a spoiler or a warning, in the tagger's own words, visible or not.
/// </summary>
public sealed record MaskedBlock(int Index, BlockKind Kind, SpoilerLevel Level, bool Warning, bool Hidden, string? Text, string? Reason);
