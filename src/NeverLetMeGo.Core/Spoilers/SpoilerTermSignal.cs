using System.Text.RegularExpressions;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>An operator named this word or phrase as a spoiler of the work: a sentence that mentions it is tagged at its level.</summary>
internal sealed class SpoilerTermSignal : ISpoilerSignal
{
    public const double Score = 0.95;

    public void Vote(TaggingContext context)
    {
        foreach (var term in context.Knowledge.Terms)
        {
            if (string.IsNullOrWhiteSpace(term.Term) || term.Level == SpoilerLevel.None)
                continue;
            var pattern = new Regex(@"(?<!\w)" + Regex.Escape(term.Term.Trim()) + @"(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            for (var b = 0; b < context.Blocks.Count; b++)
            {
                var text = context.Blocks[b].Text;
                var spans = context.SentencesOf(b);
                var hit = false;
                foreach (Match m in pattern.Matches(text))
                {
                    hit = true;
                    for (var s = 0; s < spans.Count; s++)
                    {
                        if (m.Index < spans[s].End && m.Index + m.Length > spans[s].Start)
                            context.RaiseSentence(b, s, term.Level);
                    }
                }

                if (hit)
                    context.Add(b, new SpoilerVote(term.Level, Score, Reason(term), PerSentence: true));
            }
        }
    }

    public static string Reason(SpoilerTerm term) =>
        $"mentions '{term.Term.Trim()}', a {term.Level.ToWireName()} plot term for this work";
}
