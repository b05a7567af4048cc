using Microsoft.ML.OnnxRuntime;

namespace NeverLetMeGo.Core.Spoilers.Embeddings;

/// <summary>
/// The range of every channel that the int8 encoder's MatMuls read, measured on sentences: the fixed quantization ranges
/// of spoilers/quantize-encoder.py. The probe is the fp32 graph with those inputs as extra outputs (the
/// script's <c>probe</c> step). Each sentence runs alone with every optimization off, so the ranges depend only on the
/// sentences and the graph.
/// </summary>
public static class EncoderCalibration
{
    /// <summary>The range of one MatMul input: the smallest and largest value each channel took.</summary>
    public sealed record ChannelRange(float[] Min, float[] Max);

    /// <summary>Ranges by input name, in the probe's output order.</summary>
    public static IReadOnlyList<(string Input, ChannelRange Range)> Measure(EncoderWeights probe, IEnumerable<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(sentences);
        var tokenizer = SentenceEncoder.LoadTokenizer(probe);
        using var options = new SessionOptions { IntraOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL };
        using var session = new InferenceSession(SentenceEncoder.ReadModel(probe), options);
        // The graph's own outputs are the token states and the pooled vector (two dimensions); the rest are the probe's.
        var inputs = session.OutputNames.Where(n => n != "last_hidden_state" && session.OutputMetadata[n].Dimensions.Length != 2).ToArray();
        var ranges = new ChannelRange?[inputs.Length];
        foreach (var sentence in sentences)
        {
            var ids = SentenceEncoder.Tokenize(tokenizer, sentence);
            long[] shape = [1, ids.Length];
            var mask = new long[ids.Length];
            Array.Fill(mask, 1L);
            using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
            using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
            using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
            using var run = new RunOptions();
            using var outputs = session.Run(run, ["input_ids", "attention_mask", "token_type_ids"], [idsValue, maskValue, typesValue], inputs);
            for (var k = 0; k < inputs.Length; k++)
            {
                var values = outputs[k].GetTensorDataAsSpan<float>();
                var width = (int)outputs[k].GetTensorTypeAndShape().Shape[^1];
                var range = ranges[k] ??= new ChannelRange(new float[width], new float[width]);
                for (var i = 0; i < values.Length; i++)
                {
                    var channel = i % width;
                    range.Min[channel] = Math.Min(range.Min[channel], values[i]);
                    range.Max[channel] = Math.Max(range.Max[channel], values[i]);
                }
            }
        }

        // Widened to the next 1e-4 outwards: a shorter file, and every measured value stays inside its range.
        return inputs.Select((name, k) => ranges[k] is { } r
            ? (name, new ChannelRange(r.Min.Select(v => (float)(Math.Floor(v * 1e4) / 1e4)).ToArray(), r.Max.Select(v => (float)(Math.Ceiling(v * 1e4) / 1e4)).ToArray()))
            : throw new ArgumentException("no sentences to measure", nameof(sentences))).ToArray();
    }
}
