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
/// differently from one run to the next. One ONNX Runtime thread per call: calls from several threads run side by side on one session,
/// which measured faster than one call spread over several threads.
/// </summary>
public sealed class SentenceEncoder : IDisposable
{
    /// <summary>Words past this are cut off: a sentence's meaning is in its first hundred words, and cost grows with length.</summary>
    public const int MaxTokens = 128;
    private const int BatchSize = 1;

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

    /// <summary>Threads one large <see cref="Encode"/> call spreads its batches over (training, evaluation).</summary>
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

        if (missing.Count == 0)
            return vectors;

        missing.Sort((a, b) => a.Ids.Length != b.Ids.Length ? a.Ids.Length.CompareTo(b.Ids.Length) : a.Index.CompareTo(b.Index));
        var batches = Batches(missing);
        void Run(int b)
        {
            var (from, to) = batches[b];
            var encoded = Infer(missing, from, to);
            for (var k = from; k < to; k++)
            {
                vectors[missing[k].Index] = encoded[k - from];
                _cache.Add(missing[k].Key, encoded[k - from]);
            }
        }

        if (batches.Count == 1 || Parallelism == 1)
        {
            for (var b = 0; b < batches.Count; b++)
                Run(b);
        }
        else
        {
            Parallel.For(0, batches.Count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, Run);
        }

        // Identical sentences within one call were encoded once each; the cache makes the copies agree.
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

    private static List<(int From, int To)> Batches(List<(int Index, UInt128 Key, long[] Ids)> sorted)
    {
        var batches = new List<(int, int)>();
        var start = 0;
        for (var k = 1; k <= sorted.Count; k++)
        {
            if (k == sorted.Count || k - start == BatchSize)
            {
                batches.Add((start, k));
                start = k;
            }
        }

        return batches;
    }

    private float[][] Infer(List<(int Index, UInt128 Key, long[] Ids)> sorted, int from, int to)
    {
        var rows = to - from;
        var length = sorted[to - 1].Ids.Length;
        var ids = new long[rows * length];
        var mask = new long[rows * length];
        var types = new long[rows * length];
        for (var r = 0; r < rows; r++)
        {
            var row = sorted[from + r].Ids;
            row.CopyTo(ids, r * length);
            mask.AsSpan(r * length, row.Length).Fill(1);
        }

        long[] shape = [rows, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var run = new RunOptions();
        using var outputs = _session.Run(run, ["input_ids", "attention_mask", "token_type_ids"], [idsValue, maskValue, typesValue], ["last_hidden_state"]);
        var states = outputs[0].GetTensorDataAsSpan<float>();
        var vectors = new float[rows][];
        for (var r = 0; r < rows; r++)
            vectors[r] = MeanPool(states, r, length, sorted[from + r].Ids.Length);
        return vectors;
    }

    private float[] MeanPool(ReadOnlySpan<float> states, int row, int length, int tokens)
    {
        var d = Dimension;
        var sum = new double[d];
        for (var t = 0; t < tokens; t++)
        {
            var state = states.Slice((row * length + t) * d, d);
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
