using System.CommandLine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NeverLetMeGo.Ingestion;
using NeverLetMeGo.Data.Knowledge;
using NeverLetMeGo.Data.Politeness;
using NeverLetMeGo.Data.Reviews;
using NeverLetMeGo.Worker.Fetching;
using NeverLetMeGo.Worker.Politeness;
using NeverLetMeGo.Worker.Scraping;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>`nlmg scrape &lt;url|file|directory&gt;... [--concurrency N]`: fetch, extract, tag and upsert, then summarize.</summary>
internal static class ScrapeCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "http(s) URLs, HTML files, or directories (their *.html and *.htm files, in name order).",
        };
        var concurrency = new Option<int?>("--concurrency") { Description = "Pages fetched at once (default: Scraper:Concurrency)." };
        var command = new Command("scrape", "Scrape pages into the database: exit 0 when all were stored, 2 when some failed, 1 on errors.")
        {
            inputs,
            concurrency,
        };
        CliAction.Set(command, context, (parse, ct) => RunAsync(context, parse.GetRequiredValue(inputs), parse.GetValue(concurrency), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string[] inputs, int? concurrency, CancellationToken ct)
    {
        var options = context.ScraperOptions(o => o.Concurrency = concurrency ?? o.Concurrency);
        var targets = ScrapeInputs.Expand(inputs);
        if (targets.Count == 0)
            throw new CliException("nothing to scrape: the directories given hold no *.html or *.htm files");

        await using var db = await context.OpenDatabaseAsync(ct);
        using var fetcher = new PageFetcher(options);
        var logger = context.Logger("NeverLetMeGo.Scrape");
        IScrapeProgress progress = context.IsTerminal ? new TerminalProgress(context.Error) : new LogProgress(logger);
        // Politeness is the same as the worker's: robots.txt and the per-host budget in PostgreSQL, shared with running workers.
        var gate = new HostGate(new HostBudget(db), fetcher, Options.Create(options), context.Clock, context.Loggers.CreateLogger<HostGate>());
        var run = new ScrapeRun(fetcher, gate.For($"scrape:{Environment.MachineName}:{Environment.ProcessId}"), new ReviewIngester(new ReviewStore(db), new WorkKnowledgeStore(db), context.Clock, options.ParseTimeout), progress, logger);

        var summary = await run.RunAsync(targets, options.Concurrency, ct);
        summary.WriteTo(context.Out);
        return summary.Failed == 0 ? ExitCodes.Ok : ExitCodes.PagesFailed;
    }
}
