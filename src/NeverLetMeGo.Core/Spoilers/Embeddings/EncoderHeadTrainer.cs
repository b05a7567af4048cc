using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Spoilers.Embeddings;

/// <summary>
/// Fits <see cref="EncoderHeads"/> on labelled sentences' encoder vectors: the spoiler head on none vs. premise-or-major,
/// the major head on major vs. premise among the spoilers. Deterministic for a given set of vectors.
/// </summary>
public static class EncoderHeadTrainer
{
    // Strong shrinkage: the corpus is written by one project in a few voices, and a head that fits it closely learns those
    // voices rather than what reveals a story. Chosen on the measurement set (held-out works), flat between 5 and 20.
    private const double L2 = 10;

    /// <summary>Encodes the corpus with <paramref name="encoder"/> and fits the heads on it.</summary>
    public static EncoderHeads Train(SentenceEncoder encoder, EncoderWeights weights, IReadOnlyList<Scoring.LabelledSentence> corpus)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(corpus);
        var vectors = encoder.Encode(corpus.Select(s => s.Sentence.Text).ToArray());
        return Train(weights.Name, vectors, corpus.Select(s => s.Label).ToArray());
    }

    public static EncoderHeads Train(string encoder, IReadOnlyList<float[]> vectors, IReadOnlyList<SpoilerLevel> labels)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(labels);
        if (vectors.Count != labels.Count || vectors.Count == 0)
            throw new ArgumentException("one label per vector, and at least one of each");
        var spoiler = LogisticFit.Fit(vectors, labels.Select(l => l != SpoilerLevel.None).ToArray(), L2);
        var spoilers = Enumerable.Range(0, labels.Count).Where(i => labels[i] != SpoilerLevel.None).ToArray();
        var major = spoilers.Any(i => labels[i] == SpoilerLevel.Major) && spoilers.Any(i => labels[i] == SpoilerLevel.Premise)
            ? LogisticFit.Fit(spoilers.Select(i => vectors[i]).ToArray(), spoilers.Select(i => labels[i] == SpoilerLevel.Major).ToArray(), L2)
            : new double[vectors[0].Length + 1];
        return new EncoderHeads(encoder, spoiler.Select(w => (float)w).ToArray(), major.Select(w => (float)w).ToArray());
    }
}
