using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Text;

namespace NeverLetMeGo.Core.Extraction;

/// <summary>
/// A block as extracted, before spoiler tagging. <see cref="MarkedSpoiler"/>: the page itself marks the whole block as a
/// spoiler; <see cref="MarkedParts"/>: it marks only these stretches of its text (a spoiler span inside a paragraph), so
/// the sentences around them are read like any others.
/// </summary>
internal sealed record SourceBlock(BlockKind Kind, string Text, bool MarkedSpoiler = false)
{
    public IReadOnlyList<TextSpan>? MarkedParts { get; init; }

    /// <summary>
    /// A block of which the page marks <paramref name="parts"/>: marked whole when they hold every letter and digit of it
    /// (a paragraph that is all spoiler, or all but its punctuation), else marked in parts.
    /// </summary>
    public static SourceBlock WithMarks(BlockKind kind, string text, IReadOnlyList<TextSpan> parts)
    {
        if (parts.Count == 0)
            return new SourceBlock(kind, text);
        var at = 0;
        foreach (var part in parts)
        {
            if (HasWord(text.AsSpan(at, Math.Max(0, part.Start - at))))
                return new SourceBlock(kind, text) { MarkedParts = parts };
            at = Math.Max(at, part.End);
        }

        return HasWord(text.AsSpan(at)) ? new SourceBlock(kind, text) { MarkedParts = parts } : new SourceBlock(kind, text, MarkedSpoiler: true);
    }

    private static bool HasWord(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
                return true;
        }

        return false;
    }
}

/// <summary>
/// The blocks of one text (an article or a comment) in reading order. <see cref="JumpBreak"/> is the index of the first
/// block after a read-more break (Blogger's <c>&lt;a name="more"&gt;</c>, WordPress's <c>&lt;!--more--&gt;</c>), if any.
/// <see cref="WarnedFromStart"/>: the page warned about the whole text before its first block (its title says "(spoilers)"
/// or "ending explained"), at this level.
/// </summary>
internal sealed record ExtractedText(IReadOnlyList<SourceBlock> Blocks, int? JumpBreak)
{
    public SpoilerLevel? WarnedFromStart { get; init; }

    /// <summary>
    /// A comment below an article whose author's warned region runs to its end, at the region's level: it is read after
    /// the warning, as the page shows it, so its blocks of <see cref="Spoilers.AuthorWarningSignal.InheritedMinWords"/>
    /// words or more are inside the region (a short reply, "Nooooo!", carries no story the model would miss).
    /// </summary>
    public SpoilerLevel? UnderOpenRegion { get; init; }

    public static ExtractedText Empty { get; } = new([], null);
}
