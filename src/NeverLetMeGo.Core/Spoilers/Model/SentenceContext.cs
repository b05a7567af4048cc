namespace NeverLetMeGo.Core.Spoilers.Model;

/// <summary>
/// Where a sentence sits: <see cref="Position"/> 0 (first) to 1 (last) in its review, null when unknown;
/// <see cref="SinceWarning"/> sentences since the author's last spoiler warning, null when none came before;
/// <see cref="SpoilerFreeBefore"/>: the author said earlier that the text is spoiler-free.
/// </summary>
internal readonly record struct SentenceContext(double? Position, int? SinceWarning, bool SpoilerFreeBefore)
{
    public static SentenceContext Unknown => new(null, null, false);

    /// <summary>Contexts of a run of sentences in reading order, from which of them are warnings or spoiler-free statements.</summary>
    public static SentenceContext[] For(IReadOnlyList<string> sentences)
    {
        var contexts = new SentenceContext[sentences.Count];
        int? lastWarning = null;
        var spoilerFree = false;
        for (var i = 0; i < sentences.Count; i++)
        {
            double? position = sentences.Count > 1 ? (double)i / (sentences.Count - 1) : null;
            contexts[i] = new SentenceContext(position, i - lastWarning, spoilerFree);
            if (!WarningPatterns.MightWarn(sentences[i]))
                continue;
            if (WarningPatterns.Classify(sentences[i]) is not null)
            {
                lastWarning = i;
                spoilerFree = false;
            }
            else if (WarningPatterns.IsSpoilerFreeStatement(sentences[i]))
            {
                spoilerFree = true;
            }
        }

        return contexts;
    }
}
