using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Masking;

/// <summary>The one server-side spoiler-safe projection: every surface that shows review text goes through it.</summary>
public static class SpoilerMask
{
    /// <summary>Masks blocks for a reader. Author warnings are always shown: they are the reader's protection, not a spoiler.</summary>
    public static IReadOnlyList<MaskedBlock> Apply(IEnumerable<Block> blocks, SpoilerTolerance tolerance, MaskMode mode = MaskMode.Placeholder)
    {
        var masked = new List<MaskedBlock>();
        foreach (var block in blocks)
        {
            var one = Apply(block, tolerance, mode);
            if (!(one.Hidden && mode == MaskMode.Omit))
            {
                masked.Add(one);
            }
        }

        return masked;
    }

    public static MaskedBlock Apply(Block block, SpoilerTolerance tolerance, MaskMode mode = MaskMode.Placeholder)
    {
        var level = block.Spoiler.Level;
        var reason = Describe(block.Spoiler);
        if (IsVisible(block, tolerance))
        {
            return new MaskedBlock(block.Index, block.Kind, level, block.Spoiler.Warning, Hidden: false, block.Text, reason);
        }

        var text = mode == MaskMode.Redact ? MaskModes.RedactedText : null;
        return new MaskedBlock(block.Index, block.Kind, level, Warning: false, Hidden: true, text, reason)
        {
            Parts = mode == MaskMode.Sentences ? SentenceParts(block, tolerance) : null,
        };
    }

    /// <summary>
    /// The parts of a hidden block a reader may see sentence by sentence, or null when the block must stay whole: it has no
    /// stored sentences (comments, reviews stored before sentences were kept, a level an operator or the readers set,
    /// which the sentences do not know), its sentences do not account for its level, or none of them is visible.
    /// </summary>
    private static List<MaskedPart>? SentenceParts(Block block, SpoilerTolerance tolerance)
    {
        var sentences = block.Sentences;
        if (sentences.Count == 0 || !Consistent(block))
            return null;

        var parts = new List<MaskedPart>();
        var visible = false;
        var i = 0;
        while (i < sentences.Count)
        {
            var shown = tolerance.Allows(sentences[i].Level);
            var j = i;
            var highest = sentences[i].Level;
            while (j + 1 < sentences.Count && tolerance.Allows(sentences[j + 1].Level) == shown)
            {
                j++;
                if (sentences[j].Level > highest)
                    highest = sentences[j].Level;
            }

            parts.Add(shown
                ? new MaskedPart(Hidden: false, highest, block.Text[sentences[i].Start..sentences[j].End])
                : new MaskedPart(Hidden: true, highest, Text: null));
            visible |= shown;
            i = j + 1;
        }

        return visible ? parts : null;
    }

    // Spans in order, inside the text, and a block level that is exactly its highest sentence's: anything else (a stale or
    // hand-edited row) is not trusted to say which sentences are safe.
    private static bool Consistent(Block block)
    {
        var end = 0;
        var highest = SpoilerLevel.None;
        foreach (var s in block.Sentences)
        {
            if (s.Start < end || s.End < s.Start || s.End > block.Text.Length)
                return false;
            end = s.End;
            if (s.Level > highest)
                highest = s.Level;
        }

        return highest == block.Spoiler.Level;
    }

    public static bool IsVisible(Block block, SpoilerTolerance tolerance) => block.Spoiler.Warning || tolerance.Allows(block.Spoiler.Level);

    /// <summary>A review's decided blocks as one reader sees them, and how many of them are hidden from that reader.</summary>
    public static MaskedReview Read(IReadOnlyList<Block> blocks, SpoilerTolerance tolerance, MaskMode mode = MaskMode.Placeholder)
        => new(blocks.Count(b => !IsVisible(b, tolerance)), Apply(blocks, tolerance, mode));

    public static SpoilerSummary Summarize(IReadOnlyList<Block> blocks)
    {
        var premise = blocks.Count(b => !b.Spoiler.Warning && b.Spoiler.Level == SpoilerLevel.Premise);
        var major = blocks.Count(b => !b.Spoiler.Warning && b.Spoiler.Level == SpoilerLevel.Major);
        var highest = major > 0 ? SpoilerLevel.Major : premise > 0 ? SpoilerLevel.Premise : SpoilerLevel.None;
        var (excerpt, truncated) = SafeText.Excerpt(blocks);
        return new SpoilerSummary(highest > SpoilerLevel.None, highest, premise, major, excerpt, truncated);
    }

    /// <summary>"major spoiler: after the author's spoiler warning", from the fixed vocabulary in <see cref="SpoilerReasons"/>.</summary>
    public static string? Describe(SpoilerTag tag) => SpoilerReasons.Describe(tag.Level, tag.Warning, tag.Reasons);
}
