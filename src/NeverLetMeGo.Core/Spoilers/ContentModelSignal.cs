using System.Globalization;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Spoilers.Model;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>
/// Reads the text: scores every sentence with the trained model (its place in the text, the author's warnings and
/// spoiler-free promises, and the work's vocabulary included), smooths each score towards its neighbours', and votes
/// for each block at the highest level of its sentences, with the score as the reason ("model: 0.91").
/// </summary>
internal sealed class ContentModelSignal(SpoilerModel model) : ISpoilerSignal
{
    public void Vote(TaggingContext context)
    {
        var count = 0;
        for (var b = 0; b < context.Blocks.Count; b++)
            count += context.SentencesOf(b).Count;
        if (count == 0)
            return;

        var reader = new SentenceContext.Reader(count);
        var featurizer = Featurizer.ForThread;
        var vocabulary = context.Knowledge.Vocabulary.Count == 0 ? null : context.Knowledge.Vocabulary;
        var spoiler = new double[count];
        var major = new double[count];
        var i = 0;
        for (var b = 0; b < context.Blocks.Count; b++)
        {
            var text = context.Blocks[b].Text;
            var spans = context.SentencesOf(b);
            for (var s = 0; s < spans.Count; s++, i++)
            {
                var sentence = reader.Next(text, spans[s]);
                featurizer.Featurize(text, spans[s].Start, spans[s].End, sentence, vocabulary);
                (spoiler[i], major[i]) = model.Score(featurizer, sentence);
            }
        }

        var smoothed = ContextSmoothing.Apply(spoiler);
        i = 0;
        for (var b = 0; b < context.Blocks.Count; b++)
        {
            var spans = context.SentencesOf(b);
            // The page marks this block itself: that is decided, and the model's guess would only add a reason.
            if (context.Blocks[b].MarkedSpoiler)
            {
                i += spans.Count;
                continue;
            }

            var best = (Level: SpoilerLevel.None, Score: 0.0);
            for (var s = 0; s < spans.Count; s++, i++)
            {
                var level = model.LevelOf(smoothed[i], major[i]);
                if (level == SpoilerLevel.None)
                    continue;
                // The author scoped what follows to the premise; the model's major is not sure enough to overrule them.
                if (level == SpoilerLevel.Major && InPremiseRegion(context, b))
                    level = SpoilerLevel.Premise;
                context.RaiseSentence(b, s, level);
                if (level > best.Level || level == best.Level && smoothed[i] > best.Score)
                    best = (level, smoothed[i]);
            }

            if (best.Level > SpoilerLevel.None)
                context.Add(b, new SpoilerVote(best.Level, best.Score, Reason(best.Score), PerSentence: true));
        }
    }

    private static bool InPremiseRegion(TaggingContext context, int block)
    {
        foreach (var vote in context.VotesFor(block))
        {
            if (vote.Reason == AuthorWarningSignal.PremiseRegionReason)
                return true;
        }

        return false;
    }

    // The 101 reasons a score can round to, formatted once.
    private static readonly string[] Reasons = Enumerable.Range(0, 101).Select(k => "model: " + (k / 100.0).ToString("0.00", CultureInfo.InvariantCulture)).ToArray();

    public static string Reason(double score) => Reasons[(int)Math.Round(Math.Clamp(score, 0, 1) * 100, MidpointRounding.AwayFromZero)];
}
