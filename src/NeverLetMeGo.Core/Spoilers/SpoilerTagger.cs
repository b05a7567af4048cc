using NeverLetMeGo.Core.Extraction;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>
/// Tags every block of one text (an article, or one comment) by running the spoiler signals in order and combining their
/// votes: an author warning stays visible (level none, warning true); otherwise the highest level wins, the score is the
/// strongest vote's, and every vote's reason is kept. Score meaning: 1.0 the page marks the text as a spoiler, 0.9 it lies
/// in a region the author warned about, 0 no signal fired.
/// </summary>
internal sealed class SpoilerTagger(IReadOnlyList<ISpoilerSignal> signals)
{
    /// <summary>The v1 rules: explicit markup, then author warnings and jump breaks.</summary>
    public static SpoilerTagger Default { get; } = new([new ExplicitMarkupSignal(), new AuthorWarningSignal()]);

    public IReadOnlyList<Block> Tag(ExtractedText text)
    {
        var prepared = InlineSpoilerMarkup.Apply(text);
        var context = new TaggingContext(prepared);
        foreach (var signal in signals)
        {
            signal.Vote(context);
        }

        var blocks = new Block[prepared.Blocks.Count];
        for (var i = 0; i < blocks.Length; i++)
        {
            var source = prepared.Blocks[i];
            blocks[i] = new Block(i, source.Kind, source.Text, Combine(context.VotesFor(i)));
        }

        return blocks;
    }

    internal static SpoilerTag Combine(IReadOnlyList<SpoilerVote> votes)
    {
        if (votes.Count == 0)
        {
            return SpoilerTag.Clean;
        }

        if (votes.Any(v => v.Warning))
        {
            return new SpoilerTag(SpoilerLevel.None, true, 0, Reasons(votes.Where(v => v.Warning)));
        }

        var level = votes.Max(v => v.Level);
        if (level == SpoilerLevel.None)
        {
            return SpoilerTag.Clean;
        }

        var score = votes.Where(v => v.Level == level).Max(v => v.Score);
        return new SpoilerTag(level, false, score, Reasons(votes.Where(v => v.Level > SpoilerLevel.None)));
    }

    private static string[] Reasons(IEnumerable<SpoilerVote> votes) => votes.Select(v => v.Reason).Distinct(StringComparer.Ordinal).ToArray();
}
