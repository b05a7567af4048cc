using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using NeverLetMeGo.Core;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Worker.Fetching;
using NeverLetMeGo.Worker.Scraping;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>`nlmg extract &lt;file-or-url&gt; [--json]`: one page through Core, printed; no database.</summary>
internal static class ExtractCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("file-or-url") { Description = "An HTML file, a file: URL or an http(s) URL." };
        var json = new Option<bool>("--json") { Description = "Print the review as indented JSON (the documented shape)." };
        var command = new Command("extract", "Extract and spoiler-tag one page and print it. Never touches the database.")
        {
            input,
            json,
        };
        CliAction.Set(command, context, (parse, ct) => RunAsync(context, parse.GetRequiredValue(input), parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string input, bool json, CancellationToken ct)
    {
        // Batch extraction (a directory, --out) is planned; until then say so rather than guess.
        if (!ScrapeInputs.LooksLikeUrl(input) && Directory.Exists(input))
            throw new CliException($"{input} is a directory; extract takes one file or URL (nlmg scrape takes many)");

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
}
