using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NeverLetMeGo.Data.Jobs;
using NeverLetMeGo.Testing;
using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

/// <summary>
/// Redirects through the real worker: each hop's host is checked against its own robots.txt and address policy and
/// charged to its own budget. Two servers on two ports are two origins (the budget is keyed by scheme://host:port).
/// </summary>
public sealed class RedirectTests(WorkerDatabase database) : IClassFixture<WorkerDatabase>
{
    private const string TargetRobots = """
        User-agent: *
        Disallow: /private/
        Crawl-delay: 0.3
        """;

    [Fact]
    public async Task A_redirect_to_another_host_obeys_that_hosts_robots_txt_and_waits_for_its_turn()
    {
        await using var target = await CopySite.StartAsync(robots: TargetRobots);
        await using var origin = await LocalSite.StartAsync(root: null, routes =>
        {
            routes.MapGet("/moved/{n:int}", (int n) => Results.Redirect(target.Url($"c/{n}.html").AbsoluteUri));
            routes.MapGet("/to-private", () => Results.Redirect(target.Url("private/page.html").AbsoluteUri));
        });
        string[] moved = [origin.Url("moved/0").AbsoluteUri, origin.Url("moved/1").AbsoluteUri];
        string[] direct = [target.Url("c/2.html").AbsoluteUri, target.Url("c/3.html").AbsoluteUri];
        var refused = origin.Url("to-private").AbsoluteUri;
        var settings = database.Settings(("Scraper:HostDelaySeconds", "0"), ("Scraper:MaxAttempts", "1"), ("Scraper:PollIntervalSeconds", "0.1"));
        var enqueued = await Nlmg.RunAsync(settings, ["enqueue", .. moved, refused, .. direct]);
        Assert.True(enqueued.ExitCode == 0, enqueued.ToString());

        var worker = await Nlmg.RunAsync(settings, "worker", "--exit-when-empty", "--concurrency", "4");
        Assert.True(worker.ExitCode == 0, worker.ToString());

        var jobs = await JobsAsync();
        var dead = Assert.Single(jobs, j => j.Url == refused);
        Assert.Equal(("dead", "robots", 1), (dead.State, dead.FailureKind, dead.Attempts));
        Assert.Equal($"redirected to {target.Url("private/page.html")}, disallowed by robots.txt for NeverLetMeGo", dead.LastError);
        Assert.All(jobs.Where(j => moved.Contains(j.Url) || direct.Contains(j.Url)), j => Assert.Equal("done", j.State));
        var stored = string.Join(", ", CopySite.Urls(target, 4).Select(u => $"'{u}'"));
        Assert.Equal(4, await database.CountAsync($"select count(*) from reviews where url in ({stored})"));

        // The target's robots.txt was read for the hops, its private page never requested, and its Crawl-delay kept
        // between all four page requests, the redirected ones included.
        Assert.Single(target.Requests, r => r.Path == "/robots.txt");
        Assert.DoesNotContain(target.Requests, r => r.Path.StartsWith("/private/", StringComparison.Ordinal));
        var hits = CopySite.PageHits(target);
        Assert.Equal(4, hits.Count);
        Assert.All(hits.Zip(hits.Skip(1), (a, b) => b - a), gap => Assert.True(gap >= TimeSpan.FromMilliseconds(299), $"{gap.TotalMilliseconds} ms"));
    }

    [Fact]
    public async Task A_redirect_to_a_host_that_is_not_allow_listed_is_refused_after_the_hop()
    {
        await using var site = await CopySite.StartAsync();
        var start = site.Url("c/0.html").AbsoluteUri.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        await using var redirecting = await LocalSite.StartAsync(root: null, routes =>
            routes.MapGet("/away", () => Results.Redirect(site.Url("c/1.html").AbsoluteUri)));
        var away = redirecting.Url("away").AbsoluteUri.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        // Only the name localhost is allow-listed: 127.0.0.1 by its own name is a loopback address like any other.
        var settings = database.Settings(("Scraper:AllowedHosts:0", "localhost"), ("Scraper:HostDelaySeconds", "0"), ("Scraper:PollIntervalSeconds", "0.1"));
        var enqueued = await Nlmg.RunAsync(settings, "enqueue", start, away);
        Assert.True(enqueued.ExitCode == 0, enqueued.ToString());

        var worker = await Nlmg.RunAsync(settings, "worker", "--exit-when-empty");
        Assert.True(worker.ExitCode == 0, worker.ToString());

        var jobs = await JobsAsync();
        Assert.Equal("done", Assert.Single(jobs, j => j.Url == start).State);
        var refused = Assert.Single(jobs, j => j.Url == away);
        Assert.Equal(("dead", "refused_address"), (refused.State, refused.FailureKind));
        Assert.StartsWith($"redirected to {site.Url("c/1.html")}, refused: 127.0.0.1 resolves to the non-public address 127.0.0.1", refused.LastError, StringComparison.Ordinal);
        Assert.Single(redirecting.Requests, r => r.Path == "/away");
        Assert.DoesNotContain(site.Requests, r => r.Path == "/c/1.html");
    }

    private async Task<IReadOnlyList<ScrapeJob>> JobsAsync()
    {
        await using var db = database.OpenDataSource();
        return await new ScrapeJobQueue(db, TimeProvider.System).ListAsync(null, 1000, CancellationToken.None);
    }
}
