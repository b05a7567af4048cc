using System.Text;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Spoilers.Scoring;

/// <summary>
/// The trained text model: two logistic heads over <see cref="Featurizer"/> vectors. <c>spoiler</c> gives the chance a
/// sentence gives away story (premise or major); <c>major</c> the chance that such a sentence is a late reveal rather than
/// the set-up. Carries the background word counts of its training corpus for work vocabularies. Immutable once built.
/// </summary>
public sealed class SpoilerModel
{
    private const string Magic = "NLMGSPM1";
    private const string ResourceName = "NeverLetMeGo.Core.Spoilers.Scoring.spoilers.model";

    // Log-odds added after an author's warning and after a "spoiler-free" statement: the author knows their text.
    internal const double WarningPrior = 0.75;
    internal const double SpoilerFreePrior = -0.75;

    private static readonly Lazy<SpoilerModel?> ShippedModel = new(LoadShipped);

    // Both heads' weights of one feature side by side: one cache line serves both dot products.
    private readonly float[] _pairs;

    internal SpoilerModel(float[] spoiler, float[] major, double threshold, BackgroundCounts background)
    {
        SpoilerWeights = spoiler;
        MajorWeights = major;
        Threshold = threshold;
        Background = background;
        _pairs = new float[spoiler.Length * 2];
        for (var i = 0; i < spoiler.Length; i++)
        {
            _pairs[2 * i] = spoiler[i];
            _pairs[2 * i + 1] = major[i];
        }
    }

    /// <summary>The model built into the assembly, loaded once; null only in a build without one.</summary>
    public static SpoilerModel? Shipped => ShippedModel.Value;

    internal float[] SpoilerWeights { get; }
    internal float[] MajorWeights { get; }

    /// <summary>Spoiler probability at or above which a sentence is tagged.</summary>
    public double Threshold { get; }

    public BackgroundCounts Background { get; }

    /// <summary>Both heads on the featurizer's last sentence: the spoiler probability (with the author's priors) and the major one.</summary>
    internal (double Spoiler, double Major) Score(Featurizer x, SentenceContext context)
    {
        float spoiler = 0, major = 0;
        var pairs = _pairs;
        var indices = x.Indices;
        var values = x.Values;
        for (var i = 0; i < x.Count; i++)
        {
            var at = 2 * indices[i];
            spoiler += pairs[at] * values[i];
            major += pairs[at + 1] * values[i];
        }

        double z = spoiler;
        if (context.SinceWarning is not null)
            z += WarningPrior;
        else if (context.SpoilerFreeBefore)
            z += SpoilerFreePrior;
        return (Sigmoid(z), Sigmoid(major));
    }

    /// <summary>
    /// Featurizes a sentence and scores it, and again as if no warning came before it (<c>Unwarned</c>): the chance that
    /// decides whether a paragraph inside an author's warned region is confidently plain, which the warning itself must not
    /// raise (<see cref="SentenceChances.Read"/>). The tagger and `nlmg spoilers score`/`eval` both read sentences here.
    /// </summary>
    internal (double Spoiler, double Major, double Unwarned) Read(
        Featurizer x, string text, int start, int end, SentenceContext context, WorkVocabulary? vocabulary)
    {
        x.Featurize(text, start, end, context, vocabulary);
        var (spoiler, major) = Score(x, context);
        if (context.SinceWarning is null)
            return (spoiler, major, spoiler);
        var unwarned = context with { SinceWarning = null };
        x.Featurize(text, start, end, unwarned, vocabulary);
        return (spoiler, major, Score(x, unwarned).Spoiler);
    }

    internal SpoilerLevel LevelOf(double spoiler, double major) =>
        spoiler < Threshold ? SpoilerLevel.None : major >= 0.5 ? SpoilerLevel.Major : SpoilerLevel.Premise;

    internal static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Encoding.ASCII.GetBytes(Magic));
        writer.Write(Featurizer.HashBits);
        writer.Write(Featurizer.HandCount);
        writer.Write(Threshold);
        writer.Write(Background.Works);
        writer.Write(Background.WorksUsing.Count);
        foreach (var (hash, count) in Background.WorksUsing)
        {
            writer.Write(hash);
            writer.Write(count);
        }

        WriteHead(writer, SpoilerWeights);
        WriteHead(writer, MajorWeights);
    }

    public static SpoilerModel Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length)) != Magic)
            throw new InvalidDataException("not a NeverLetMeGo spoiler model (bad header)");
        if (reader.ReadInt32() != Featurizer.HashBits || reader.ReadInt32() != Featurizer.HandCount)
            throw new InvalidDataException("the model was trained with a different featurizer; retrain it");
        var threshold = reader.ReadDouble();
        var works = reader.ReadInt32();
        var terms = new (uint, int)[reader.ReadInt32()];
        for (var i = 0; i < terms.Length; i++)
            terms[i] = (reader.ReadUInt32(), reader.ReadInt32());
        return new SpoilerModel(ReadHead(reader), ReadHead(reader), threshold, new BackgroundCounts(works, terms));
    }

    private static void WriteHead(BinaryWriter writer, float[] weights)
    {
        writer.Write(weights.Count(w => w != 0f));
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] != 0f)
            {
                writer.Write(i);
                writer.Write(weights[i]);
            }
        }
    }

    private static float[] ReadHead(BinaryReader reader)
    {
        var weights = new float[Featurizer.Dimension];
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var index = reader.ReadInt32();
            if ((uint)index >= (uint)weights.Length)
                throw new InvalidDataException($"weight index {index} out of range");
            weights[index] = reader.ReadSingle();
        }

        return weights;
    }

    private static SpoilerModel? LoadShipped()
    {
        using var stream = typeof(SpoilerModel).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Load(stream);
    }
}
