using System.Buffers;
using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using NeverLetMeGo.Batch;
using NeverLetMeGo.Core;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Worker.Fetching;
using NeverLetMeGo.Worker.Scraping;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>
/// `nlmg extract &lt;file-or-url&gt; [--json]`: one page through Core, printed; `nlmg extract &lt;directory&gt; --out &lt;dir&gt;
/// [--threads N]`: every page of a directory written to files (<see cref="ExtractBatch"/>). Never touches the database.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("file-url-or-directory")
        {
            Description = "An HTML file, a file: URL or an http(s) URL; or a directory of *.html / *.htm files (with --out).",
        };
        var json = new Option<bool>("--json") { Description = "Print the review as indented JSON (the documented shape)." };
        var output = new Option<string?>("--out") { Description = "Batch mode: write X.json, X.txt and X.comments.txt for every X.html here." };
        var threads = new Option<int?>("--threads") { Description = "Batch mode: pages extracted in parallel (default: one per core)." };
        var noSpoilers = new Option<bool>("--no-spoilers") { Description = "Batch mode: extract only, without spoiler tagging (X.json leaves the spoiler fields out)." };
        var command = new Command("extract", "Extract and spoiler-tag one page and print it, or a directory of pages into files. Never touches the database.")
        {
            input,
            json,
            output,
            threads,
            noSpoilers,
        };
        CliAction.Set(command, context, (parse, ct) =>
        {
            var outDirectory = parse.GetValue(output);
            if (outDirectory is null && parse.GetValue(noSpoilers))
                throw new CliException("--no-spoilers is for batch mode: give --out <dir> too");
            return outDirectory is null
                ? RunAsync(context, parse.GetRequiredValue(input), parse.GetValue(json), ct)
                : RunBatchAsync(context, parse.GetRequiredValue(input), outDirectory, parse.GetValue(threads) ?? Environment.ProcessorCount, !parse.GetValue(noSpoilers), ct);
        });
        return command;
    }

    private static async Task<int> RunBatchAsync(CliContext context, string input, string outDirectory, int threads, bool tag, CancellationToken ct)
    {
        if (ExtractBatch.Check(input, threads, out var files) is { } problem)
            throw new CliException(problem);

        var maxBytes = context.ScraperOptions().MaxBodyBytes;
        if (!tag && NativeExtract.Locate(context.Configuration) is { } native
            && await NativeExtract.RunAsync(native, input, outDirectory, threads, maxBytes, context.Out, context.Error, ct) is { } exitCode)
            return exitCode;

        var batch = new ExtractBatch(outDirectory, maxBytes, tag ? Tagged.Mode : ExtractBatchMode.Untagged, context.Error);
        var summary = batch.Run(files, threads, ct);
        summary.WriteTo(context.Out);
        return summary.Failures == 0 ? ExitCodes.Ok : ExitCodes.PagesFailed;
    }

    private static async Task<int> RunAsync(CliContext context, string input, bool json, CancellationToken ct)
    {
        if (!ScrapeInputs.LooksLikeUrl(input) && Directory.Exists(input))
            throw new CliException($"{input} is a directory; give --out <dir> to extract every page in it");

        using var fetcher = new PageFetcher(context.ScraperOptions());
        Review review;
        try
        {
            var page = await fetcher.FetchAsync(input, ct);
            review = ReviewPipeline.Process(page.Html, page.Url);
        }
        catch (Exception ex) when (ex is FetchException or ExtractionException)
        {
            throw new CliException($"{input}: {ex.Message}");
        }

        if (json)
            context.Out.WriteLine(JsonSerializer.Serialize(review, ConsoleJson(ReviewJson.Options)));
        else
            ReviewText.Write(context.Out, review);
        return ExitCodes.Ok;
    }

    // Indented, and typographic quotes and accents left readable: this JSON goes to a terminal or a file, never into HTML.
    private static JsonSerializerOptions ConsoleJson(JsonSerializerOptions options) =>
        new(options) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // In a class of its own so that a batch without tagging never builds the serializer's options.
    private static class Tagged
    {
        private static readonly JsonSerializerOptions Json = ConsoleJson(ReviewJson.Options);

        public static readonly ExtractBatchMode Mode = new(
            page => ReviewPipeline.Tag(page, knowledge: null),
            (review, output) => output.Write(JsonSerializer.SerializeToUtf8Bytes(review, Json)));
    }
}
