using NeverLetMeGo.Core.Text;

namespace NeverLetMeGo.Core.Spoilers.Scoring;

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
        var reader = new Reader(sentences.Count);
        for (var i = 0; i < sentences.Count; i++)
            contexts[i] = reader.Next(sentences[i]);
        return contexts;
    }

    /// <summary>Walks a review's sentences in reading order without copying them.</summary>
    internal struct Reader(int count)
    {
        private int _index;
        private int? _lastWarning;
        private bool _spoilerFree;

        public SentenceContext Next(ReadOnlySpan<char> sentence)
        {
            var i = _index++;
            var context = new SentenceContext(count > 1 ? (double)i / (count - 1) : null, i - _lastWarning, _spoilerFree);
            if (!WarningPatterns.MightWarn(sentence))
                return context;
            if (WarningPatterns.Classify(sentence.ToString()) is not null)
            {
                _lastWarning = i;
                _spoilerFree = false;
            }
            else if (WarningPatterns.IsSpoilerFreeStatement(sentence))
            {
                _spoilerFree = true;
            }

            return context;
        }

        public SentenceContext Next(string text, TextSpan span) => Next(text.AsSpan(span.Start, span.Length));
    }
}
