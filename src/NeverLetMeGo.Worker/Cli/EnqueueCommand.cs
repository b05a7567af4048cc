using System.CommandLine;
using NeverLetMeGo.Data.Jobs;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>`nlmg enqueue &lt;url&gt;...`: adds scrape jobs for the worker; prints "id&lt;TAB&gt;url" per URL.</summary>
internal static class EnqueueCommand
{
    public static Command Create(CliContext context)
    {
        var urls = new Argument<string[]>("urls") { Arity = ArgumentArity.OneOrMore, Description = "http(s) URLs of review pages." };
        var command = new Command("enqueue", "Queue pages for `nlmg worker` (fragments and tracking parameters dropped). A URL already pending or running keeps its job.") { urls };
        CliAction.Set(command, context, (parse, ct) => RunAsync(context, parse.GetRequiredValue(urls), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string[] urls, CancellationToken ct)
    {
        // All or nothing: a typo should not leave half the list queued.
        var parsed = new List<string>();
        foreach (var url in urls)
            parsed.Add(JobUrls.Canonicalize(url) ?? throw new CliException($"not an http(s) URL: {url}"));

        await using var db = await context.OpenDatabaseAsync(ct);
        var queue = new ScrapeJobQueue(db, context.Clock);
        foreach (var url in parsed)
        {
            var id = await queue.EnqueueAsync(url, ct);
            context.Out.WriteLine($"{id}\t{url}");
        }
        return ExitCodes.Ok;
    }
}
