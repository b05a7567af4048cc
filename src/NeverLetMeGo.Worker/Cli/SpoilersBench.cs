using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using NeverLetMeGo.Core.Spoilers;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>
/// `nlmg spoilers bench &lt;file.jsonl&gt;`: how fast the tagger reads text, on one thread. Each work's knowledge (its
/// vocabulary) is built once, as the service does per work; then the work's lines are tagged as reviews of 20 paragraphs
/// (sentence splitting, contexts, features, both heads, smoothing, terms, combining), until the time is up.
/// </summary>
internal static class SpoilersBench
{
    private const int ParagraphsPerReview = 20;

    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("file.jsonl") { Description = "Sentences {\"id\", \"work_id\", \"text\"} (labels ignored)." };
        var seconds = new Option<double?>("--seconds") { Description = "How long to measure (default 10)." };
        var command = new Command("bench", "Measure the tagger's sentences per second on one core.") { input, seconds };
        CliAction.Set(command, context, (parse, ct) =>
        {
            var works = SpoilersJsonl.Read(parse.GetRequiredValue(input), labelled: false)
                .GroupBy(r => r.Sentence.WorkId, StringComparer.Ordinal)
                .Select(g => g.Select(r => r.Sentence.Text).ToArray()).ToArray();
            var build = Stopwatch.StartNew();
            var knowledge = works.Select(texts => WorkKnowledge.From(texts, [])).ToArray();
            var buildTime = build.Elapsed;
            var reviews = works.SelectMany((texts, w) => texts.Chunk(ParagraphsPerReview).Select(chunk => (Paragraphs: chunk, Knowledge: knowledge[w]))).ToArray();

            // Warm-up, one full pass: the shipped model's first load, and the JIT's tiers settled before the clock starts.
            foreach (var (paragraphs, known) in reviews)
                SpoilerTagging.TagParagraphs(paragraphs, known);

            var budget = TimeSpan.FromSeconds(parse.GetValue(seconds) ?? 10);
            long sentences = 0;
            // CPU time as well as wall time: on a shared machine the wall clock counts other processes' turns too.
            var process = Process.GetCurrentProcess();
            var cpuStart = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < budget && !ct.IsCancellationRequested)
            {
                foreach (var (paragraphs, known) in reviews)
                {
                    foreach (var block in SpoilerTagging.TagParagraphs(paragraphs, known))
                        sentences += block.Sentences.Count;
                }
            }

            var wall = clock.Elapsed.TotalSeconds;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuStart).TotalSeconds;
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"work knowledge for {works.Length} works built in {buildTime.TotalSeconds:0.00} s; tagged {sentences} sentences on one thread in {wall:0.0} s wall, {cpu:0.0} s CPU: {sentences / cpu:0} sentences per CPU second ({sentences / wall:0}/s wall)"));
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
