using System.CommandLine;
using NeverLetMeGo.Data.Jobs;
using NeverLetMeGo.Worker.Scraping;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>`nlmg enqueue &lt;url&gt;...`: adds scrape jobs for the worker; prints "id&lt;TAB&gt;url" per URL.</summary>
internal static class EnqueueCommand
{
    public static Command Create(CliContext context)
    {
        var urls = new Argument<string[]>("urls") { Arity = ArgumentArity.OneOrMore, Description = "http(s) URLs of review pages." };
        var command = new Command("enqueue", "Queue pages for `nlmg worker`. A URL already pending or running keeps its job.") { urls };
        CliAction.Set(command, context, (parse, ct) => RunAsync(context, parse.GetRequiredValue(urls), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string[] urls, CancellationToken ct)
    {
        // All or nothing: a typo should not leave half the list queued.
        var parsed = new List<Uri>();
        foreach (var url in urls)
        {
            if (!ScrapeInputs.IsHttpUrl(url, out var uri))
                throw new CliException($"not an http(s) URL: {url}");
            parsed.Add(uri);
        }

        await using var db = await context.OpenDatabaseAsync(ct);
        var queue = new ScrapeJobQueue(db, context.Clock);
        foreach (var uri in parsed)
        {
            var id = await queue.EnqueueAsync(uri.AbsoluteUri, ct);
            context.Out.WriteLine($"{id}\t{uri.AbsoluteUri}");
        }
        return ExitCodes.Ok;
    }
}
