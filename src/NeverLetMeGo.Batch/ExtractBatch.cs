using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Text;
using System.Text.Json;
using NeverLetMeGo.Core;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Text;

namespace NeverLetMeGo.Batch;

/// <summary>What a batch extraction did; pages per second is over the whole run, reading and writing included.</summary>
public sealed record ExtractBatchSummary(int Pages, int Failures, TimeSpan Elapsed, TimeSpan Cpu, int Threads, RuntimeCosts Runtime)
{
    public double PagesPerSecond => Elapsed.TotalSeconds > 0 ? Pages / Elapsed.TotalSeconds : 0;

    /// <summary>Pages per second of processor time: what one core does, however busy the machine is.</summary>
    public double PagesPerCpuSecond => Cpu.TotalSeconds > 0 ? Pages / Cpu.TotalSeconds : 0;

    public void WriteTo(TextWriter output) => output.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"Extracted {Pages - Failures} of {Pages} pages: {Failures} failed, {Elapsed.TotalSeconds:0.000} s, {PagesPerSecond:0.0} pages/s ({Threads} thread{(Threads == 1 ? "" : "s")}; {PagesPerCpuSecond:0.0} per CPU second)"));

    /// <summary>
    /// The timing file extraction_score.py reads from a prediction folder to print a pages/s column. Written by hand, like
    /// X.json (<see cref="UntaggedReviewWriter"/>): serializing an anonymous object reflects and emits code once per process.
    /// </summary>
    public string TimingJson()
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            // Which program ran the batch: nlmg, or nlmg-extract when nlmg handed it over.
            json.WriteString("program", Assembly.GetEntryAssembly()?.GetName().Name);
            json.WriteNumber("pages", Pages);
            json.WriteNumber("failures", Failures);
            json.WriteNumber("threads", Threads);
            json.WriteNumber("seconds", Math.Round(Elapsed.TotalSeconds, 3));
            json.WriteNumber("cpu_seconds", Math.Round(Cpu.TotalSeconds, 3));
            json.WriteNumber("pages_per_s", Math.Round(PagesPerSecond, 1));
            json.WriteNumber("pages_per_cpu_s", Math.Round(PagesPerCpuSecond, 1));
            json.WriteNumber("gc_collections", Runtime.Collections);
            json.WriteNumber("gc_pause_seconds", Math.Round(Runtime.GcPause.TotalSeconds, 3));
            json.WriteNumber("jit_methods", Runtime.JitMethods);
            json.WriteNumber("jit_seconds", Math.Round(Runtime.JitTime.TotalSeconds, 3));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

/// <summary>The runtime's own work during a batch: collections (all generations) and JIT compilation, from the process's counters.</summary>
public readonly record struct RuntimeCosts(int Collections, TimeSpan GcPause, long JitMethods, TimeSpan JitTime)
{
    public static RuntimeCosts Now() => new(
        GC.CollectionCount(0), GC.GetTotalPauseDuration(), System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());

    public static RuntimeCosts operator -(RuntimeCosts a, RuntimeCosts b) =>
        new(a.Collections - b.Collections, a.GcPause - b.GcPause, a.JitMethods - b.JitMethods, a.JitTime - b.JitTime);
}

/// <summary>
/// What a batch makes of each extracted page: the review it writes (tagged or not) and that review's X.json bytes.
/// <see cref="Untagged"/> is extraction only; `nlmg extract` without `--no-spoilers` brings the tagging mode, which needs
/// the sentence encoder and the serializer's metadata, neither of which the ahead-of-time `nlmg-extract` carries.
/// </summary>
public sealed record ExtractBatchMode(Func<ExtractedReview, Review> Finish, Action<Review, IBufferWriter<byte>> WriteJson)
{
    /// <summary>Extraction only: X.json in the documented shape without the spoiler fields (<see cref="UntaggedReviewWriter"/>).</summary>
    public static ExtractBatchMode Untagged { get; } = new(page => page.WithoutTagging(), UntaggedReviewWriter.Write);
}

/// <summary>
/// A batch extraction (`nlmg extract &lt;directory&gt; --out &lt;dir&gt;`, `nlmg-extract`): every X.html becomes X.json (the
/// documented shape), X.txt (article blocks separated by blank lines, spoilers included) and X.comments.txt (all comment
/// text). A bad page is reported and skipped.
/// </summary>
public sealed class ExtractBatch(string outDirectory, long maxBytes, ExtractBatchMode mode, TextWriter error)
{
    /// <summary>The largest page read by default, saved (a batch) or fetched (the scraper's Scraper:MaxBodyBytes).</summary>
    public const long DefaultMaxBytes = 5 * 1024 * 1024;

    /// <summary>
    /// What a batch over <paramref name="input"/> reads: a directory's saved pages, or the one file named (as given), with
    /// <paramref name="threads"/> threads; null when that is a batch, else why not. Both batch commands say it in these words.
    /// </summary>
    public static string? Check(string input, int threads, out IReadOnlyList<string> files)
    {
        files = [];
        if (threads < 1)
            return $"--threads must be at least 1 (got {threads})";
        if (Directory.Exists(input))
            files = SavedPages.In(input);
        else if (File.Exists(input))
            files = [input];
        else
            return $"no such directory or file: {input}";
        return files.Count == 0 ? $"nothing to extract: {input} holds no *.html or *.htm files" : null;
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public ExtractBatchSummary Run(IReadOnlyList<string> files, int threads, CancellationToken ct)
    {
        Directory.CreateDirectory(outDirectory);
        var failures = 0;
        // A batch is throughput work with nobody waiting on a pause: blocking collections, no background collector
        // thread taking one of the cores the pages run on (bench/README.md, Extraction).
        var latency = GCSettings.LatencyMode;
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var runtime = RuntimeCosts.Now();
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct };
            Parallel.ForEach(files, parallel, () => new ArrayBufferWriter<byte>(64 * 1024), (file, _, buffer) =>
            {
                if (ExtractOne(file, buffer) is { } reason)
                {
                    Interlocked.Increment(ref failures);
                    error.WriteLine($"failed: {file}: {reason}");
                }

                return buffer;
            }, _ => { });
        }
        finally
        {
            GCSettings.LatencyMode = latency;
        }

        clock.Stop();
        var summary = new ExtractBatchSummary(files.Count, failures, clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, threads, RuntimeCosts.Now() - runtime);
        File.WriteAllText(Path.Combine(outDirectory, "_timing.json"), summary.TimingJson(), Utf8);
        return summary;
    }

    /// <summary>Extracts one file and writes its outputs; returns why it failed, or null. The buffer is this thread's, reused page after page.</summary>
    private string? ExtractOne(string file, ArrayBufferWriter<byte> buffer)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        Review review;
        try
        {
            var bytes = File.ReadAllBytes(file);
            if (bytes.LongLength > maxBytes)
                return $"file exceeds {ByteSize.Format(maxBytes)}";
            review = mode.Finish(ReviewPipeline.Extract(SavedPage.Decode(bytes), new Uri(Path.GetFullPath(file))));
        }
        catch (Exception ex) when (ex is ExtractionException or IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }

        var stem = Path.Combine(outDirectory, name);
        buffer.ResetWrittenCount();
        mode.WriteJson(review, buffer);
        Write(stem + ".json", buffer.WrittenSpan);

        Write(stem + ".txt", buffer, ArticleText(review));
        Write(stem + ".comments.txt", buffer, CommentText(review));
        return null;
    }

    private static void Write(string path, ArrayBufferWriter<byte> buffer, string text)
    {
        buffer.ResetWrittenCount();
        var bytes = buffer.GetSpan(Utf8.GetMaxByteCount(text.Length));
        buffer.Advance(Utf8.GetBytes(text, bytes));
        Write(path, buffer.WrittenSpan);
    }

    // One open, one write, one close per file: File.WriteAllText adds a writer, its encoder buffers and a preallocation
    // call per file, and a batch writes three files a page.
    private static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        using var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write);
        RandomAccess.Write(handle, bytes, fileOffset: 0);
    }

    private static string ArticleText(Review review) => Join(review.Blocks);

    private static string CommentText(Review review)
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
