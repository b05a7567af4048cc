using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Masking;

/// <summary>The one server-side spoiler-safe projection: every surface that shows review text goes through it.</summary>
public static class SpoilerMask
{
    /// <summary>Masks blocks for a reader. Author warnings are always shown: they are the reader's protection, not a spoiler.</summary>
    public static IReadOnlyList<MaskedBlock> Apply(IEnumerable<Block> blocks, SpoilerTolerance tolerance)
    {
        var masked = new List<MaskedBlock>();
        foreach (var block in blocks)
        {
            masked.Add(Apply(block, tolerance));
        }

        return masked;
    }

    public static MaskedBlock Apply(Block block, SpoilerTolerance tolerance)
    {
        var level = block.Spoiler.Level;
        var reason = Describe(block.Spoiler);
        if (block.Spoiler.Warning || tolerance.Allows(level))
        {
            return new MaskedBlock(block.Index, block.Kind, level, block.Spoiler.Warning, Hidden: false, block.Text, reason);
        }

        return new MaskedBlock(block.Index, block.Kind, level, Warning: false, Hidden: true, Text: null, reason);
    }

    /// <summary>"major spoiler: after the author's spoiler warning". Reasons are the tagger's own vocabulary, never quoted page text.</summary>
    public static string? Describe(SpoilerTag tag)
    {
        if (tag.Level == SpoilerLevel.None)
        {
            return tag.Warning ? tag.Reasons.FirstOrDefault() ?? "author spoiler warning" : null;
        }

        var label = tag.Level == SpoilerLevel.Premise ? "premise spoiler" : "major spoiler";
        return tag.Reasons.Count == 0 ? label : $"{label}: {tag.Reasons[0]}";
    }
}
