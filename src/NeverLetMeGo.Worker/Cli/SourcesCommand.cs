using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Data.Sources;
using NeverLetMeGo.Worker.Queue;
using NeverLetMeGo.Worker.Sources;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>`nlmg sources add|list|remove|poll`: sitemaps and feeds whose new entries become scrape jobs.</summary>
internal static class SourcesCommand
{
    public static Command Create(CliContext context)
    {
        var url = new Argument<string>("url") { Description = "http(s) URL of a sitemap, sitemap index, RSS or Atom feed." };
        var kind = new Option<string?>("--kind") { Description = "sitemap or feed (default: sitemap when the URL names one, else feed)." };
        kind.AcceptOnlyFromAmong([.. SourceKinds.All]);
        var add = new Command("add", "Register a source; the worker reads it and queues its new entries.") { url, kind };
        CliAction.Set(add, context, (parse, ct) => AddAsync(context, parse.GetRequiredValue(url), parse.GetValue(kind), ct));

        var list = new Command("list", "List sources with their last poll, last error and entry count.");
        CliAction.Set(list, context, (_, ct) => ListAsync(context, ct));

        var id = new Argument<long>("id") { Description = "The source's id (see `nlmg sources list`)." };
        var remove = new Command("remove", "Forget a source (its jobs stay).") { id };
        CliAction.Set(remove, context, (parse, ct) => RemoveAsync(context, parse.GetValue(id), ct));

        var poll = new Command("poll", "Read every due source now and queue new entries (the worker also does this on its own).");
        CliAction.Set(poll, context, (_, ct) => PollAsync(context, ct));
        return new Command("sources", "Sitemaps and feeds whose entries become scrape jobs.") { add, list, remove, poll };
    }

    private static async Task<int> AddAsync(CliContext context, string url, string? kind, CancellationToken ct)
    {
        var canonical = PageUrls.Canonicalize(url) ?? throw new CliException($"not an http(s) URL: {url}");
        kind ??= canonical.Contains("sitemap", StringComparison.OrdinalIgnoreCase) ? SourceKinds.Sitemap : SourceKinds.Feed;
        await using var db = await context.OpenDatabaseAsync(ct);
        var (source, created) = await new SourceStore(db).AddAsync(canonical, kind, ct);
        context.Out.WriteLine($"{source.Id}\t{source.Kind}\t{source.Url}{(created ? "" : "\t(already registered)")}");
        return ExitCodes.Ok;
    }

    private static async Task<int> ListAsync(CliContext context, CancellationToken ct)
    {
        await using var db = await context.OpenDatabaseAsync(ct);
        var all = await new SourceStore(db).ListAsync(ct);
        if (all.Count == 0)
            context.Out.WriteLine("No sources.");
        foreach (var s in all)
        {
            var polled = s.LastPolledAt?.ToString("u", CultureInfo.InvariantCulture) ?? "never";
            context.Out.WriteLine($"{s.Id}\t{s.Kind}\t{s.Url}\tentries {s.EntryCount}\tpolled {polled}{(s.LastError is null ? "" : "\terror: " + s.LastError)}");
        }
        return ExitCodes.Ok;
    }

    private static async Task<int> RemoveAsync(CliContext context, long id, CancellationToken ct)
    {
        await using var db = await context.OpenDatabaseAsync(ct);
        if (!await new SourceStore(db).RemoveAsync(id, ct))
            throw new CliException($"no source {id}");
        context.Out.WriteLine($"Removed source {id}.");
        return ExitCodes.Ok;
    }

    private static async Task<int> PollAsync(CliContext context, CancellationToken ct)
    {
        context.ScraperOptions();
        var (connectionString, _) = await context.ResolveDatabaseAsync(ct);
        using var host = WorkerCommand.Build(context, connectionString, new WorkerRunOptions(ExitWhenEmpty: true, Concurrency: 1));
        var queued = await host.Services.GetRequiredService<SourcePoller>().PollDueAsync(ct);
        context.Out.WriteLine($"Queued {queued} new entr{(queued == 1 ? "y" : "ies")}.");
        return ExitCodes.Ok;
    }
}
