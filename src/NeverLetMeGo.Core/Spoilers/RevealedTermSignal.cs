using System.Text.RegularExpressions;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Spoilers.Scoring;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>
/// What a hidden sentence revealed stays revealing when it is repeated. Once the model hides a sentence, its rare
/// lower-case words ("clones", "donations"; not names, not words most works' texts use) that the text uses only where it
/// gives story away, and in more than one such sentence, are the secret in short: any
/// other sentence of the text, or of a comment answering it, that uses one of them is hidden at premise level too, so "I
/// wanted more of the cloning stuff" does not give away what the hidden sentence kept back. The reason never names
/// the word.
/// </summary>
internal sealed partial class RevealedTermSignal(BackgroundCounts? background) : ISpoilerSignal
{
    public const string Reason = "repeats what a hidden sentence reveals";
    private const double Score = 0.7;
    // A sentence the model hides with at least this chance reveals its words.
    private const double Revealing = 0.6;
    // A word used by more than this share of the background corpus's works is common talk, not a secret.
    private const double RareShare = 0.02;

    private readonly Dictionary<uint, int> _worksUsing = background?.WorksUsing.ToDictionary(w => w.Hash, w => w.Count) ?? [];
    private readonly int _works = Math.Max(1, background?.Works ?? 1);

    public void Vote(TaggingContext context)
    {
        // A word counts once per sentence the model hides; two such sentences make it the secret. One sentence, however
        // sure, is not enough: its other rare words are as often the author's own talk ("relationships", "intimacy") as
        // the story's. An author's warned region alone does not count: it covers the author's opinions as well.
        var weight = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var b = 0; b < context.Blocks.Count; b++)
        {
            var spans = context.SentencesOf(b);
            for (var s = 0; s < spans.Count; s++)
            {
                if (context.SentenceLevel(b, s) == SpoilerLevel.None || (context.ChanceOf(b, s) ?? 0) < Revealing)
                    continue;
                foreach (var key in Keys(context.Blocks[b].Text.AsSpan(spans[s].Start, spans[s].Length)).Distinct(StringComparer.Ordinal))
                    weight[key] = weight.GetValueOrDefault(key) + 1;
            }
        }

        var revealed = new HashSet<string>(context.Outer?.Revealed ?? TextReading.Empty.Revealed, StringComparer.Ordinal);
        foreach (var (key, count) in weight)
        {
            if (count >= 2)
                revealed.Add(key);
        }

        context.Revealed = revealed;
        context.Revealing = weight.Keys.ToHashSet(StringComparer.Ordinal);
        if (revealed.Count == 0)
            return;
        for (var b = 0; b < context.Blocks.Count; b++)
        {
            var spans = context.SentencesOf(b);
            var hit = false;
            for (var s = 0; s < spans.Count; s++)
            {
                if (context.SentenceLevel(b, s) != SpoilerLevel.None || SpoilerTagger.IsWarning(context.Blocks[b].Text, spans[s]))
                    continue;
                foreach (var key in Keys(context.Blocks[b].Text.AsSpan(spans[s].Start, spans[s].Length)))
                {
                    if (revealed.Contains(key))
                    {
                        context.RaiseSentence(b, s, SpoilerLevel.Premise);
                        hit = true;
                        break;
                    }
                }
            }

            if (hit)
                context.Add(b, new SpoilerVote(SpoilerLevel.Premise, Score, Reason, PerSentence: true));
        }
    }

    /// <summary>The sentence's rare lower-case words, each cut to a crude stem so "clones", "cloned" and "cloning" meet.</summary>
    private List<string> Keys(ReadOnlySpan<char> sentence)
    {
        var keys = new List<string>();
        foreach (var match in Words().EnumerateMatches(sentence))
        {
            var word = sentence.Slice(match.Index, match.Length).ToString();
            // Function words ("about", "their") are left out of the background counts, so they are named here.
            var hash = Tokens.Hash(word);
            if (Lexicon.Stop.Contains(hash) || _worksUsing.TryGetValue(hash, out var count) && count > RareShare * _works)
                continue;
            keys.Add(Stem(word));
        }

        return keys;
    }

    internal static string Stem(string word)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["ations", "ation", "ions", "ion", "ings", "ing", "ers", "er", "ed", "es", "s", "e"])
        {
            if (word.Length - suffix.Length >= 4 && word.EndsWith(suffix, StringComparison.Ordinal))
                return word[..^suffix.Length];
        }

        return word;
    }

    // Lower-case words of five letters or more: capitalised words are names or sentence openings, short ones are glue.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])\p{Ll}[\p{Ll}]{4,}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
