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
        var owners = new List<(int Block, int Sentence)>();
        var texts = new List<string>();
        for (var b = 0; b < context.Blocks.Count; b++)
        {
            var spans = context.SentencesOf(b);
            for (var s = 0; s < spans.Count; s++)
            {
                owners.Add((b, s));
                texts.Add(context.Blocks[b].Text[spans[s].Start..spans[s].End]);
            }
        }

        if (texts.Count == 0)
            return;
        var contexts = SentenceContext.For(texts);
        var featurizer = new Featurizer();
        var vocabulary = context.Knowledge.Vocabulary;
        var spoiler = new double[texts.Count];
        var major = new double[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            featurizer.Featurize(texts[i], 0, texts[i].Length, contexts[i], vocabulary.Count == 0 ? null : vocabulary);
            spoiler[i] = model.SpoilerProbability(featurizer, contexts[i]);
            major[i] = model.MajorProbability(featurizer);
        }

        var smoothed = ContextSmoothing.Apply(spoiler);
        var best = new (SpoilerLevel Level, double Score)[context.Blocks.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var level = model.LevelOf(smoothed[i], major[i]);
            if (level == SpoilerLevel.None)
                continue;
            var (b, s) = owners[i];
            // The author scoped what follows to the premise; the model's major is not sure enough to overrule them.
            if (level == SpoilerLevel.Major && InPremiseRegion(context, b))
                level = SpoilerLevel.Premise;
            context.RaiseSentence(b, s, level);
            if (level > best[b].Level || level == best[b].Level && smoothed[i] > best[b].Score)
                best[b] = (level, smoothed[i]);
        }

        for (var b = 0; b < best.Length; b++)
        {
            if (best[b].Level > SpoilerLevel.None)
                context.Add(b, new SpoilerVote(best[b].Level, best[b].Score, Reason(best[b].Score), PerSentence: true));
        }
    }

    private static bool InPremiseRegion(TaggingContext context, int block) =>
        context.VotesFor(block).Any(v => v.Reason == AuthorWarningSignal.PremiseRegionReason);

    public static string Reason(double score) => "model: " + score.ToString("0.00", CultureInfo.InvariantCulture);
}
