using System.Globalization;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Spoilers.Scoring;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>
/// Reads the text: every sentence's spoiler chance from the encoder heads (its meaning) and the n-gram model (its words,
/// its place in the text, the author's warnings and spoiler-free promises, the work's vocabulary), leaned on by its
/// neighbours. Votes for each block at the highest level of
/// its sentences, with the chance as the reason ("model: 0.91"), and tells the tagger which blocks it is confident
/// reveal nothing.
/// </summary>
internal sealed class ContentModelSignal(SpoilerModel model, MeaningReader? meaning) : ISpoilerSignal
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
        var texts = new string[count];
        var ngramSpoiler = new double[count];
        var ngramMajor = new double[count];
        var ngramUnwarned = new double[count];
        var i = 0;
        for (var b = 0; b < context.Blocks.Count; b++)
        {
            var text = context.Blocks[b].Text;
            var spans = context.SentencesOf(b);
            for (var s = 0; s < spans.Count; s++, i++)
            {
                texts[i] = text[spans[s].Start..spans[s].End];
                var sentence = reader.Next(text, spans[s]);
                (ngramSpoiler[i], ngramMajor[i], ngramUnwarned[i]) = model.Read(featurizer, text, spans[s].Start, spans[s].End, sentence, vocabulary);
            }
        }

        // An article longer than a page's encoding budget is read by its words alone past the budget.
        var (spoiler, major, own) = count <= ReviewPipeline.EncodedSentencesPerPage || meaning is null
            ? SentenceChances.Read(texts, ngramSpoiler, ngramMajor, meaning, ngramUnwarned: ngramUnwarned)
            : ReadLong(texts, ngramSpoiler, ngramMajor, ngramUnwarned, meaning);
        i = 0;
        for (var b = 0; b < context.Blocks.Count; b++)
        {
            var spans = context.SentencesOf(b);
            var best = (Level: SpoilerLevel.None, Score: 0.0);
            // The page marks this block itself: that is decided, and the model's guess would only add a reason. A heading
            // that names the story's section ("Plot summary", "The ending explained") is the signpost the reader needs
            // to skip it, whatever its words sound like.
            var decided = context.Blocks[b].MarkedSpoiler || NamesStorySection(context.Blocks[b]);
            for (var s = 0; s < spans.Count; s++, i++)
            {
                // Confidence is the sentence's own: the region around it is exactly what the author's warning already says.
                context.SetChance(b, s, own[i]);
                if (decided)
                    continue;
                var level = ScoreBlend.LevelOf(spoiler[i], major[i]);
                if (level == SpoilerLevel.None || SpoilerTagger.IsWarning(context.Blocks[b].Text, spans[s]))
                    continue;
                // The author scoped what follows to the premise; the model's major is not sure enough to overrule them.
                if (level == SpoilerLevel.Major && InPremiseRegion(context, b))
                    level = SpoilerLevel.Premise;
                context.RaiseSentence(b, s, level);
                if (level > best.Level || level == best.Level && spoiler[i] > best.Score)
                    best = (level, spoiler[i]);
            }

            if (best.Level > SpoilerLevel.None)
                context.Add(b, new SpoilerVote(best.Level, best.Score, Reason(best.Score), PerSentence: true));
        }
    }

    private static (double[] Spoiler, double[] Major, double[] Own) ReadLong(
        string[] texts, double[] ngramSpoiler, double[] ngramMajor, double[] ngramUnwarned, MeaningReader meaning)
    {
        var head = ReviewPipeline.EncodedSentencesPerPage;
        var (spoiler, major, own) = SentenceChances.Read(texts[..head], ngramSpoiler[..head], ngramMajor[..head], meaning, ngramUnwarned: ngramUnwarned[..head]);
        var (restSpoiler, restMajor, restOwn) = SentenceChances.Read(texts[head..], ngramSpoiler[head..], ngramMajor[head..], null, ngramUnwarned: ngramUnwarned[head..]);
        return ([.. spoiler, .. restSpoiler], [.. major, .. restMajor], [.. own, .. restOwn]);
    }

    private static bool NamesStorySection(Extraction.SourceBlock block) =>
        block.Kind == BlockKind.Heading && StorySectionSignal.HeadingLevel(block.Text) is not null;

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
