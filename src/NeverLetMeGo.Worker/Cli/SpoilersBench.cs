using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using NeverLetMeGo.Core.Spoilers;
using NeverLetMeGo.Core.Spoilers.Embeddings;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>
/// `nlmg spoilers bench &lt;file.jsonl&gt;`: how fast the tagger reads text. Each work's knowledge (its vocabulary) is built
/// once, as the service does per work; then the work's lines are tagged as reviews of 20 paragraphs (sentence splitting,
/// the encoder, both models, context, rules) on every core: once cold (every sentence new to the encoder's cache, as a
/// first scrape) and once warm (every sentence cached, as a re-scrape or retag). Prints the process's memory too.
/// </summary>
internal static class SpoilersBench
{
    private const int ParagraphsPerReview = 20;

    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("file.jsonl") { Description = "Sentences {\"id\", \"work_id\", \"text\"} (labels ignored)." };
        var limit = new Option<int?>("--limit") { Description = "Tag at most this many lines (default 5,000)." };
        var threads = new Option<int?>("--threads") { Description = "Reviews tagged side by side (default: the processor count)." };
        var command = new Command("bench", "Measure the tagger's sentences per second, cold and warm, and its memory.") { input, limit, threads };
        CliAction.Set(command, context, (parse, ct) =>
        {
            var works = SpoilersJsonl.Read(parse.GetRequiredValue(input), labelled: false)
                .Take(parse.GetValue(limit) ?? 5_000)
                .GroupBy(r => r.Sentence.WorkId, StringComparer.Ordinal)
                .Select(g => g.Select(r => r.Sentence.Text).ToArray()).ToArray();
            var knowledge = works.Select(texts => WorkKnowledge.From(texts, [])).ToArray();
            var reviews = works.SelectMany((texts, w) => texts.Chunk(ParagraphsPerReview).Select(chunk => (Paragraphs: chunk, Knowledge: knowledge[w]))).ToArray();
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = parse.GetValue(threads) ?? Environment.ProcessorCount, CancellationToken = ct };

            // Warm-up on sentences of our own: the models load and the JIT settles without caching what is measured.
            var load = Stopwatch.StartNew();
            SpoilerTagging.TagParagraphs(Enumerable.Range(0, 64).Select(i => $"Warm-up sentence {i} of the tagger, about nothing at all.").ToArray());
            var loadTime = load.Elapsed;

            string Pass(string name)
            {
                long sentences = 0;
                var process = Process.GetCurrentProcess();
                var cpuStart = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                Parallel.ForEach(reviews, parallel, review =>
                {
                    var count = SpoilerTagging.TagParagraphs(review.Paragraphs, review.Knowledge).Sum(b => b.Sentences.Count);
                    Interlocked.Add(ref sentences, count);
                });
                var wall = clock.Elapsed.TotalSeconds;
                process.Refresh();
                var cpu = (process.TotalProcessorTime - cpuStart).TotalSeconds;
                return string.Create(CultureInfo.InvariantCulture,
                    $"{name}: {sentences} sentences in {wall:0.0} s wall, {cpu:0.0} s CPU: {sentences / wall:0} sentences/s ({sentences / cpu:0} per CPU second)");
            }

            var cold = Pass("cold");
            var warm = Pass("warm");
            var me = Process.GetCurrentProcess();
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"models loaded and warm in {loadTime.TotalSeconds:0.0} s; {parallel.MaxDegreeOfParallelism} threads"));
            context.Out.WriteLine(cold);
            context.Out.WriteLine(warm);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"memory: working set {me.WorkingSet64 / 1048576.0:0} MB, peak {me.PeakWorkingSet64 / 1048576.0:0} MB, managed heap {GC.GetTotalMemory(false) / 1048576.0:0} MB; encoder graph {SentenceEncoder.Shared.ModelBytes / 1048576.0:0.0} MB"));
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
