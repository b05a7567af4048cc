using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Extraction;

/// <summary>A block as extracted, before spoiler tagging. <see cref="MarkedSpoiler"/>: the page itself marks it as a spoiler.</summary>
internal sealed record SourceBlock(BlockKind Kind, string Text, bool MarkedSpoiler = false);

/// <summary>
/// The blocks of one text (an article or a comment) in reading order. <see cref="JumpBreak"/> is the index of the first
/// block after a read-more break (Blogger's <c>&lt;a name="more"&gt;</c>, WordPress's <c>&lt;!--more--&gt;</c>), if any.
/// </summary>
internal sealed record ExtractedText(IReadOnlyList<SourceBlock> Blocks, int? JumpBreak)
{
    public static ExtractedText Empty { get; } = new([], null);
}
