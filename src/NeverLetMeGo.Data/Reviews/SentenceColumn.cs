using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Data.Reviews;

/// <summary>review_blocks.sentences: a block's sentence spans as flattened (start, end, level) triplets (0011).</summary>
internal static class SentenceColumn
{
    public static int[] Flatten(IReadOnlyList<SentenceSpan> sentences)
    {
        var flat = new int[sentences.Count * 3];
        for (var i = 0; i < sentences.Count; i++)
        {
            flat[3 * i] = sentences[i].Start;
            flat[3 * i + 1] = sentences[i].End;
            flat[3 * i + 2] = (int)sentences[i].Level;
        }

        return flat;
    }

    /// <summary>Null (not stored, or overridden) and malformed arrays read as no sentences: the block is then hidden whole.</summary>
    public static IReadOnlyList<SentenceSpan> Read(int[]? flat)
    {
        if (flat is null || flat.Length == 0 || flat.Length % 3 != 0)
            return [];
        var spans = new SentenceSpan[flat.Length / 3];
        for (var i = 0; i < spans.Length; i++)
        {
            var level = flat[3 * i + 2];
            if (level is < 0 or > (int)SpoilerLevel.Major)
                return [];
            spans[i] = new SentenceSpan(flat[3 * i], flat[3 * i + 1], (SpoilerLevel)level);
        }

        return spans;
    }
}
