using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;

namespace NeverLetMeGo.Core.Spoilers.Embeddings;

/// <summary>
/// Turns sentences into unit-length vectors that place sentences of similar meaning close together: the pretrained
/// encoder's token states, averaged over the sentence's tokens and normalised (how the model was trained to be used).
/// Loaded once per process. Sentences are tokenized with the model's own WordPiece vocabulary (FastBertTokenizer keeps
/// typographic quotes right; <see cref="AccentFolding"/> takes accents off first, as the model's own tokenizer does) and
/// remembered by hash. The sentences of one call that are not remembered run in batches of similar length, the batches
/// spread over <see cref="Parallelism"/> threads with one ONNX Runtime thread each (measured faster than one call over
/// several threads). Batching cannot change a vector: the int8 graph quantizes with fixed per-channel ranges
/// (spoilers/quantize-encoder.py), so a token's integers depend on that token alone, and padding is masked out of
/// attention; a sentence encodes to the same bits alone or beside others (a test holds it to that), so a cached vector
/// never depends on which call first met it.
/// </summary>
public sealed class SentenceEncoder : IDisposable
{
    /// <summary>Words past this are cut off: a sentence's meaning is in its first hundred words, and cost grows with length.</summary>
    public const int MaxTokens = 128;

    // A batch is at most this many sentences and tokens, and its longest sentence is at most an eighth (or two tokens)
    // longer than its shortest: padding is paid for like real tokens, and a few padded rows cost more than batching saves.
    // The token cap bounds the activations ONNX Runtime keeps in its arena for the life of the process.
    private const int BatchRows = 32;
    private const int BatchTokens = 1_024;

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

    /// <summary>Threads one <see cref="Encode"/> call spreads its batches over.</summary>
    public static int Parallelism { get; set; } = Math.Max(1, Math.Min(Environment.ProcessorCount, 2));

    public static SentenceEncoder Load(EncoderWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        try
        {
            var tokenizer = LoadTokenizer(weights);
            var model = ReadModel(weights);

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

    internal static BertTokenizer LoadTokenizer(EncoderWeights weights)
    {
        var tokenizer = new BertTokenizer();
        using var vocabulary = new StreamReader(weights.OpenVocabulary());
        tokenizer.LoadVocabulary(vocabulary, convertInputToLowercase: true);
        return tokenizer;
    }

    internal static byte[] ReadModel(EncoderWeights weights)
    {
        using var stream = weights.OpenModel();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    internal static long[] Tokenize(BertTokenizer tokenizer, string sentence)
    {
        var (ids, _, _) = tokenizer.Encode(AccentFolding.Fold(sentence), MaxTokens);
        return ids.ToArray();
    }

    /// <summary>One unit vector per sentence, in order. Vectors are shared with the cache: never write to them.</summary>
    public float[][] Encode(IReadOnlyList<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var vectors = new float[sentences.Count][];
        // Each new text once, however often the call repeats it (quoted comments, refrains).
        var missing = new Dictionary<UInt128, (long[] Ids, List<int> Indexes)>();
        for (var i = 0; i < sentences.Count; i++)
        {
            var key = EmbeddingCache.Key(sentences[i]);
            if (_cache.TryGet(key, out var cached))
                vectors[i] = cached;
            else if (missing.TryGetValue(key, out var pending))
                pending.Indexes.Add(i);
            else
                missing[key] = (Tokenize(sentences[i]), [i]);
        }

        if (missing.Count == 0)
            return vectors;
        var work = missing.OrderBy(m => m.Value.Ids.Length).ThenBy(m => m.Key).ToArray();
        var batches = Batches(work.Select(m => m.Value.Ids.Length).ToArray());

        void Run(int b)
        {
            var (start, count) = batches[b];
            var encoded = Infer(work[start..(start + count)].Select(m => m.Value.Ids).ToArray());
            for (var r = 0; r < count; r++)
            {
                var (key, (_, indexes)) = work[start + r];
                _cache.Add(key, encoded[r]);
                foreach (var i in indexes)
                    vectors[i] = encoded[r];
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

        return vectors;
    }

    /// <summary>Consecutive runs of the length-sorted sentences: at most <see cref="BatchRows"/> and <see cref="BatchTokens"/>, little padding.</summary>
    private static List<(int Start, int Count)> Batches(int[] sortedLengths)
    {
        var batches = new List<(int, int)>();
        var start = 0;
        for (var i = 1; i <= sortedLengths.Length; i++)
        {
            if (i == sortedLengths.Length || i - start == BatchRows || (i - start + 1) * sortedLengths[i] > BatchTokens
                || sortedLengths[i] > sortedLengths[start] + Math.Max(2, sortedLengths[start] / 8))
            {
                batches.Add((start, i - start));
                start = i;
            }
        }

        return batches;
    }

    private long[] Tokenize(string sentence)
    {
        lock (_tokenizerLock)
            return Tokenize(_tokenizer, sentence);
    }

    private float[][] Infer(long[][] batch)
    {
        var width = batch.Max(ids => ids.Length);
        long[] shape = [batch.Length, width];
        var ids = new long[batch.Length * width];
        var mask = new long[batch.Length * width];
        for (var r = 0; r < batch.Length; r++)
        {
            batch[r].CopyTo(ids, r * width);
            mask.AsSpan(r * width, batch[r].Length).Fill(1L);
        }

        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
        using var run = new RunOptions();
        using var outputs = _session.Run(run, ["input_ids", "attention_mask", "token_type_ids"], [idsValue, maskValue, typesValue], ["last_hidden_state"]);
        var states = outputs[0].GetTensorDataAsSpan<float>();
        var vectors = new float[batch.Length][];
        for (var r = 0; r < batch.Length; r++)
            vectors[r] = MeanPool(states.Slice(r * width * Dimension, batch[r].Length * Dimension), batch[r].Length);
        return vectors;
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
