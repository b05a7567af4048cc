using System.Text;

namespace NeverLetMeGo.Core.Spoilers.Embeddings;

/// <summary>
/// Two logistic heads over a sentence's encoder vector: <c>spoiler</c>, the chance it gives any story away (premise or
/// major), and <c>major</c>, the chance such a sentence is a late reveal rather than the set-up. Trained by
/// <see cref="EncoderHeadTrainer"/> on the project's own corpus; immutable once built; saved beside the n-gram model.
/// </summary>
public sealed class EncoderHeads
{
    private const string Magic = "NLMGSPH1";
    private const string ResourceName = "NeverLetMeGo.Core.Spoilers.Scoring.spoilers.heads";
    private static readonly Lazy<EncoderHeads?> ShippedHeads = new(LoadShipped);

    internal EncoderHeads(string encoder, float[] spoiler, float[] major)
    {
        if (spoiler.Length != major.Length)
            throw new ArgumentException("the heads must read vectors of one size");
        Encoder = encoder;
        Spoiler = spoiler;
        Major = major;
    }

    /// <summary>The heads built into the assembly; null only in a build without them.</summary>
    public static EncoderHeads? Shipped => ShippedHeads.Value;

    /// <summary>The encoder whose vectors the heads read (its name): other vectors would be noise to them.</summary>
    public string Encoder { get; }

    /// <summary>Vector size the heads read.</summary>
    public int Dimension => Spoiler.Length - 1;

    // Weights, then the bias last.
    internal float[] Spoiler { get; }
    internal float[] Major { get; }

    /// <summary>The spoiler head's log-odds and the major head's probability for one vector.</summary>
    public (double SpoilerLogit, double Major) Score(ReadOnlySpan<float> vector)
    {
        if (vector.Length != Dimension)
            throw new ArgumentException($"the heads read vectors of {Dimension} values, not {vector.Length}", nameof(vector));
        double spoiler = Spoiler[^1], major = Major[^1];
        for (var j = 0; j < vector.Length; j++)
        {
            spoiler += Spoiler[j] * vector[j];
            major += Major[j] * vector[j];
        }

        return (spoiler, LogisticFit.Sigmoid(major));
    }

    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Encoding.ASCII.GetBytes(Magic));
        writer.Write(Encoder);
        writer.Write(Spoiler.Length);
        foreach (var w in Spoiler)
            writer.Write(w);
        foreach (var w in Major)
            writer.Write(w);
    }

    public static EncoderHeads Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length)) != Magic)
            throw new InvalidDataException("not NeverLetMeGo encoder heads (bad header)");
        var encoder = reader.ReadString();
        var size = reader.ReadInt32();
        if (size is < 2 or > 65_536)
            throw new InvalidDataException($"encoder heads of {size} weights cannot be right");
        var spoiler = new float[size];
        var major = new float[size];
        for (var j = 0; j < size; j++)
            spoiler[j] = reader.ReadSingle();
        for (var j = 0; j < size; j++)
            major[j] = reader.ReadSingle();
        return new EncoderHeads(encoder, spoiler, major);
    }

    private static EncoderHeads? LoadShipped()
    {
        using var stream = typeof(EncoderHeads).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Load(stream);
    }
}
