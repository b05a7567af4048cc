using System.CommandLine;
using System.Globalization;

namespace NeverLetMeGo.Batch;

/// <summary>
/// `nlmg-extract &lt;directory-or-file&gt; --out &lt;dir&gt; [--threads N] [--max-bytes N]`: the batch of
/// `nlmg extract DIR --out OUT --no-spoilers`, the same files byte for byte, in a process that starts without a JIT.
/// Exit codes as nlmg's: 0 every page extracted, 1 bad usage, 2 some pages failed (each named on stderr with its reason).
/// </summary>
public static class ExtractCli
{
    public const int Ok = 0;
    public const int Error = 1;
    public const int PagesFailed = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var input = new Argument<string>("directory-or-file") { Description = "A directory of *.html / *.htm files, or one such file." };
        var outDirectory = new Option<string>("--out") { Description = "Write X.json, X.txt and X.comments.txt for every X.html here.", Required = true };
        var threads = new Option<int?>("--threads") { Description = "Pages extracted in parallel (default: one per core)." };
        var maxBytes = new Option<long?>("--max-bytes")
        {
            Description = string.Create(CultureInfo.InvariantCulture, $"A larger file fails with its reason (default {ExtractBatch.DefaultMaxBytes}, the scraper's limit)."),
        };
        var root = new RootCommand("Extract a directory of saved pages into files, without spoiler tagging (as `nlmg extract DIR --out OUT --no-spoilers`).")
        {
            input,
            outDirectory,
            threads,
            maxBytes,
        };
        root.SetAction(parse => RunBatch(
            parse.GetRequiredValue(input), parse.GetRequiredValue(outDirectory), parse.GetValue(threads) ?? Environment.ProcessorCount,
            parse.GetValue(maxBytes) ?? ExtractBatch.DefaultMaxBytes, output, error));
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static int RunBatch(string input, string outDirectory, int threads, long maxBytes, TextWriter output, TextWriter error)
    {
        var problem = ExtractBatch.Check(input, threads, out var files) ?? (maxBytes < 1 ? $"--max-bytes must be at least 1 (got {maxBytes})" : null);
        if (problem is not null)
        {
            error.WriteLine(problem);
            return Error;
        }

        var summary = new ExtractBatch(outDirectory, maxBytes, ExtractBatchMode.Untagged, TextWriter.Synchronized(error)).Run(files, threads, CancellationToken.None);
        summary.WriteTo(output);
        return summary.Failures == 0 ? Ok : PagesFailed;
    }
}
