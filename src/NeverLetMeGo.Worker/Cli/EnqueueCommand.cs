using System.CommandLine;
using NeverLetMeGo.Core.Model;
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
            parsed.Add(PageUrls.Canonicalize(url) ?? throw new CliException($"not an http(s) URL: {UrlPolicy.Redact(url)}"));

        // What the fetcher would refuse is refused now, every reason at once, rather than found later as dead jobs.
        var policy = new UrlPolicy(context.ScraperOptions().AllowedHosts);
        var refused = parsed.Select(url => (Url: url, Reason: policy.Refusal(url))).Where(r => r.Reason is not null).ToList();
        foreach (var (url, reason) in refused)
            context.Error.WriteLine($"refused {UrlPolicy.Redact(url)}: {reason}");
        if (refused.Count > 0)
            return ExitCodes.PagesFailed;

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
