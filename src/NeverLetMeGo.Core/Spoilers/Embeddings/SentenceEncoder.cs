using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;

namespace NeverLetMeGo.Core.Spoilers.Embeddings;

/// <summary>
/// Turns sentences into unit-length vectors that place sentences of similar meaning close together: the pretrained
/// encoder's token states, averaged over the sentence's tokens and normalised (how the model was trained to be used).
/// Loaded once per process. Sentences are tokenized with the model's own WordPiece vocabulary (FastBertTokenizer keeps
/// typographic quotes right; <see cref="AccentFolding"/> takes accents off first, as the model's own tokenizer does), run
/// one sentence per call, and remembered by hash. One per call because the int8 graph quantizes its activations with one
/// scale per call: batched, a sentence's vector would depend on the sentences beside it, and the same review could tag
/// differently from one run to the next. One ONNX Runtime thread per call: calls from several threads run side by side on
/// one session, which measured faster than one call spread over several threads.
/// </summary>
public sealed class SentenceEncoder : IDisposable
{
    /// <summary>Words past this are cut off: a sentence's meaning is in its first hundred words, and cost grows with length.</summary>
    public const int MaxTokens = 128;

    private static readonly Lazy<SentenceEncoder> SharedEncoder = new(() => Load(EncoderWeights.MiniLm));

    private readonly BertTokenizer _tokenizer;
    private readonly Lock _tokenizerLock = new();
    private readonly InferenceSession _session;
    private readonly EmbeddingCache _cache = new(32_768);

    private SentenceEncoder(BertTokenizer tokenizer, InferenceSession session, int dimension, long modelBytes)
    {
        _tokenizer = tokenizer;
        _session = session;
        Dimension = dimension;
        ModelBytes = modelBytes;
    }

    /// <summary>The shipped encoder, loaded on first use.</summary>
    /// <exception cref="EncoderUnavailableException">The model could not be loaded; the message says why.</exception>
    public static SentenceEncoder Shared => SharedEncoder.Value;

    public int Dimension { get; }

    /// <summary>Size of the ONNX graph loaded, for the memory report.</summary>
    public long ModelBytes { get; }

    /// <summary>Threads one large <see cref="Encode"/> call spreads its sentences over (training, evaluation).</summary>
    public static int Parallelism { get; set; } = Math.Max(1, Math.Min(Environment.ProcessorCount, 2));

    public static SentenceEncoder Load(EncoderWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        try
        {
            var tokenizer = new BertTokenizer();
            using (var vocabulary = new StreamReader(weights.OpenVocabulary()))
                tokenizer.LoadVocabulary(vocabulary, convertInputToLowercase: true);
            byte[] model;
            using (var stream = weights.OpenModel())
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                model = copy.ToArray();
            }

            using var options = new SessionOptions
            {
                IntraOpNumThreads = 1,
                InterOpNumThreads = 1,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            };
            var session = new InferenceSession(model, options);
            var dimension = (int)session.OutputMetadata["last_hidden_state"].Dimensions[^1];
            return new SentenceEncoder(tokenizer, session, dimension, model.LongLength);
        }
        catch (Exception e) when (e is not EncoderUnavailableException)
        {
            throw new EncoderUnavailableException($"the sentence encoder {weights.Name} could not be loaded: {e.Message}", e);
        }
    }

    /// <summary>One unit vector per sentence, in order. Vectors are shared with the cache: never write to them.</summary>
    public float[][] Encode(IReadOnlyList<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var vectors = new float[sentences.Count][];
        var missing = new List<(int Index, UInt128 Key, long[] Ids)>();
        for (var i = 0; i < sentences.Count; i++)
        {
            var key = EmbeddingCache.Key(sentences[i]);
            if (_cache.TryGet(key, out var cached))
                vectors[i] = cached;
            else
                missing.Add((i, key, Tokenize(sentences[i])));
        }

        void Run(int k)
        {
            var (index, key, ids) = missing[k];
            vectors[index] = Infer(ids);
            _cache.Add(key, vectors[index]);
        }

        if (missing.Count == 1 || Parallelism == 1)
        {
            for (var k = 0; k < missing.Count; k++)
                Run(k);
        }
        else
        {
            Parallel.For(0, missing.Count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, Run);
        }

        return vectors;
    }

    private long[] Tokenize(string sentence)
    {
        lock (_tokenizerLock)
        {
            var (ids, _, _) = _tokenizer.Encode(AccentFolding.Fold(sentence), MaxTokens);
            return ids.ToArray();
        }
    }

    private float[] Infer(long[] ids)
    {
        long[] shape = [1, ids.Length];
        var mask = new long[ids.Length];
        Array.Fill(mask, 1L);
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
        using var run = new RunOptions();
        using var outputs = _session.Run(run, ["input_ids", "attention_mask", "token_type_ids"], [idsValue, maskValue, typesValue], ["last_hidden_state"]);
        return MeanPool(outputs[0].GetTensorDataAsSpan<float>(), ids.Length);
    }

    private float[] MeanPool(ReadOnlySpan<float> states, int tokens)
    {
        var d = Dimension;
        var sum = new double[d];
        for (var t = 0; t < tokens; t++)
        {
            var state = states.Slice(t * d, d);
            for (var j = 0; j < d; j++)
                sum[j] += state[j];
        }

        var norm = 0.0;
        for (var j = 0; j < d; j++)
            norm += sum[j] * sum[j];
        norm = Math.Sqrt(norm);
        var vector = new float[d];
        for (var j = 0; j < d; j++)
            vector[j] = norm > 0 ? (float)(sum[j] / norm) : 0f;
        return vector;
    }

    public void Dispose() => _session.Dispose();
}
