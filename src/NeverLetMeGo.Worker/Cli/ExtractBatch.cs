using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NeverLetMeGo.Core;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Worker.Fetching;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>What a batch extraction did; pages per second is over the whole run, reading and writing included.</summary>
internal sealed record ExtractBatchSummary(int Pages, int Failures, TimeSpan Elapsed, TimeSpan Cpu, int Threads)
{
    public double PagesPerSecond => Elapsed.TotalSeconds > 0 ? Pages / Elapsed.TotalSeconds : 0;

    /// <summary>Pages per second of processor time: what one core does, however busy the machine is.</summary>
    public double PagesPerCpuSecond => Cpu.TotalSeconds > 0 ? Pages / Cpu.TotalSeconds : 0;

    public void WriteTo(TextWriter output) => output.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"Extracted {Pages - Failures} of {Pages} pages: {Failures} failed, {Elapsed.TotalSeconds:0.000} s, {PagesPerSecond:0.0} pages/s ({Threads} thread{(Threads == 1 ? "" : "s")}; {PagesPerCpuSecond:0.0} per CPU second)"));

    /// <summary>The timing file extraction_score.py reads from a prediction folder to print a pages/s column.</summary>
    public string TimingJson() => JsonSerializer.Serialize(new
    {
        pages = Pages,
        failures = Failures,
        threads = Threads,
        seconds = Math.Round(Elapsed.TotalSeconds, 3),
        cpu_seconds = Math.Round(Cpu.TotalSeconds, 3),
        pages_per_s = Math.Round(PagesPerSecond, 1),
        pages_per_cpu_s = Math.Round(PagesPerCpuSecond, 1),
    });
}

/// <summary>
/// `nlmg extract &lt;directory&gt; --out &lt;dir&gt;`: every X.html becomes X.json (the documented shape), X.txt (article blocks
/// separated by blank lines, spoilers included) and X.comments.txt (all comment text). A bad page is reported and skipped.
/// Without tagging (<c>--no-spoilers</c>) the pages are only extracted and X.json leaves the spoiler fields out.
/// </summary>
internal sealed class ExtractBatch(string outDirectory, long maxBytes, bool tag, TextWriter error)
{
    private static readonly JsonSerializerOptions Json =
        new(ReviewJson.Options) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions UntaggedJson = new(Json) { TypeInfoResolver = UntaggedReviewJson.Default };

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public ExtractBatchSummary Run(IReadOnlyList<string> files, int threads, CancellationToken ct)
    {
        Directory.CreateDirectory(outDirectory);
        var failures = 0;
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct };
        Parallel.ForEach(files, parallel, file =>
        {
            if (ExtractOne(file) is { } reason)
            {
                Interlocked.Increment(ref failures);
                error.WriteLine($"failed: {file}: {reason}");
            }
        });
        clock.Stop();
        var summary = new ExtractBatchSummary(files.Count, failures, clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, threads);
        File.WriteAllText(Path.Combine(outDirectory, "_timing.json"), summary.TimingJson(), Utf8);
        return summary;
    }

    /// <summary>Extracts one file and writes its outputs; returns why it failed, or null.</summary>
    private string? ExtractOne(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        Review review;
        try
        {
            var bytes = File.ReadAllBytes(file);
            if (bytes.LongLength > maxBytes)
                return $"file exceeds {ByteSize.Format(maxBytes)}";
            var page = ReviewPipeline.Extract(SavedPage.Decode(bytes), new Uri(Path.GetFullPath(file)));
            review = tag ? ReviewPipeline.Tag(page, knowledge: null) : page.WithoutTagging();
        }
        catch (Exception ex) when (ex is ExtractionException or FetchException or IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }

        var stem = Path.Combine(outDirectory, name);
        File.WriteAllText(stem + ".json", tag ? JsonSerializer.Serialize(review, Json) : JsonSerializer.Serialize(UntaggedReview.From(review), UntaggedJson), Utf8);
        File.WriteAllText(stem + ".txt", ArticleText(review), Utf8);
        File.WriteAllText(stem + ".comments.txt", CommentText(review), Utf8);
        return null;
    }

    internal static string ArticleText(Review review) => Join(review.Blocks);

    internal static string CommentText(Review review)
    {
        var text = new StringBuilder();
        foreach (var comment in review.Comments)
        {
            if (comment.Blocks.Count == 0)
                continue;
            if (text.Length > 0)
                text.Append("\n\n");
            text.Append(Join(comment.Blocks));
        }
        return text.Length > 0 ? text.Append('\n').ToString() : string.Empty;
    }

    private static string Join(IReadOnlyList<Block> blocks) =>
        blocks.Count == 0 ? string.Empty : string.Join("\n\n", blocks.Select(b => b.Text)) + "\n";
}
