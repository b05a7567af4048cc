using NeverLetMeGo.Core.Spoilers.Embeddings;

namespace NeverLetMeGo.Core.Spoilers.Scoring;

/// <summary>The encoder and the heads trained on its vectors: the part of the tagger that reads meaning.</summary>
public sealed record MeaningReader(SentenceEncoder Encoder, EncoderHeads Heads)
{
    private static readonly Lazy<MeaningReader?> ShippedReader = new(() =>
        EncoderHeads.Shipped is { } heads ? new MeaningReader(SentenceEncoder.Shared, heads) : null);

    /// <summary>The shipped encoder with the shipped heads; null in a build without heads.</summary>
    /// <exception cref="EncoderUnavailableException">The heads are shipped but the encoder cannot be loaded.</exception>
    public static MeaningReader? Shipped => ShippedReader.Value;
}

/// <summary>
/// One text's sentences, in reading order, read by every model the build has: the spoiler chance and the major chance
/// of each, in context. The tagger and `nlmg spoilers score`/`eval` both come here, so what is measured is what tags.
/// </summary>
internal static class SentenceChances
{
    /// <summary>
    /// Each sentence's spoiler chance in context, its major chance, and its spoiler chance read alone. The chance read
    /// alone takes the n-gram model's reading of the sentence as if no warning came before it (<paramref name="ngramUnwarned"/>,
    /// when given): it is the confidence that overrules an author's warned region, which the warning must not raise.
    /// </summary>
    public static (double[] Spoiler, double[] Major, double[] Own) Read(
        IReadOnlyList<string> sentences, double[] ngramSpoiler, double[] ngramMajor, MeaningReader? meaning,
        IReadOnlyList<float[]>? vectors = null, double[]? ngramUnwarned = null)
    {
        var spoiler = ngramSpoiler;
        var major = ngramMajor;
        var own = ngramUnwarned ?? ngramSpoiler;
        if (meaning is not null && sentences.Count > 0)
        {
            vectors ??= meaning.Encoder.Encode(sentences);
            spoiler = new double[sentences.Count];
            major = new double[sentences.Count];
            own = new double[sentences.Count];
            for (var i = 0; i < sentences.Count; i++)
            {
                var (logit, majorChance) = meaning.Heads.Score(vectors[i]);
                spoiler[i] = ScoreBlend.Combine(logit, ngramSpoiler[i]);
                own[i] = ngramUnwarned is null ? spoiler[i] : ScoreBlend.Combine(logit, ngramUnwarned[i]);
                major[i] = majorChance;
            }
        }

        return (ScoreBlend.InContext(spoiler), major, own);
    }
}
