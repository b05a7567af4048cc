using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NeverLetMeGo.Data.Jobs;
using NeverLetMeGo.Testing;
using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

/// <summary>robots.txt, Crawl-delay, Retry-After, the address policy, conditional re-scrapes and `jobs retry`, through the real worker.</summary>
public sealed class PolitenessTests(WorkerDatabase database) : IClassFixture<WorkerDatabase>
{
    private const string Robots = """
        User-agent: SomeOtherBot
        Disallow: /

        User-agent: NeverLetMeGo
        Disallow: /c/1.html
        Allow: /c/
        Crawl-delay: 0.3
        """;

    private IReadOnlyDictionary<string, string?> Settings(params (string, string?)[] extra) =>
        database.Settings([("Scraper:HostDelaySeconds", "0"), ("Scraper:PollIntervalSeconds", "0.1"), .. extra]);

    [Fact]
    public async Task Nlmg_scrape_obeys_robots_txt_and_crawl_delay_like_the_worker()
    {
        await using var site = await CopySite.StartAsync(robots: Robots);
        var urls = CopySite.Urls(site, 3);

        var result = await Nlmg.RunAsync(Settings(), ["scrape", "--concurrency", "3", .. urls]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"FAILED {urls[1]}: disallowed by robots.txt for NeverLetMeGo", result.OutLines);
        Assert.DoesNotContain(site.Requests, r => r.Path == "/c/1.html");
        var hits = CopySite.PageHits(site);
        Assert.Equal(2, hits.Count);
        Assert.All(hits.Zip(hits.Skip(1), (a, b) => b - a), gap => Assert.True(gap >= TimeSpan.FromMilliseconds(299), $"{gap.TotalMilliseconds} ms"));
    }

    [Fact]
    public async Task Robots_txt_disallow_kills_the_job_and_crawl_delay_spaces_the_requests()
    {
        await using var site = await CopySite.StartAsync(robots: Robots);
        var urls = CopySite.Urls(site, 4);
        await EnqueueAsync(urls);

        var worker = await Nlmg.RunAsync(Settings(), "worker", "--exit-when-empty", "--concurrency", "3");
        Assert.True(worker.ExitCode == 0, worker.ToString());

        var jobs = await JobsAsync();
        var refused = Assert.Single(jobs, j => j.Url == urls[1]);
        Assert.Equal(("dead", "robots", 1), (refused.State, refused.FailureKind, refused.Attempts));
        Assert.Equal("disallowed by robots.txt for NeverLetMeGo", refused.LastError);
        Assert.All(jobs.Where(j => j.Url != urls[1] && urls.Contains(j.Url)), j => Assert.Equal("done", j.State));
        Assert.DoesNotContain(site.Requests, r => r.Path == "/c/1.html");
        Assert.Single(site.Requests, r => r.Path == "/robots.txt");
        var hits = CopySite.PageHits(site);
        Assert.Equal(3, hits.Count);
        Assert.All(hits.Zip(hits.Skip(1), (a, b) => b - a), gap => Assert.True(gap >= TimeSpan.FromMilliseconds(299), $"{gap.TotalMilliseconds} ms"));
    }

    [Fact]
    public async Task A_429_with_retry_after_holds_the_whole_host_back()
    {
        var throttled = 0;
        await using var site = await LocalSite.StartAsync(root: null, routes =>
        {
            routes.MapGet("/busy", (HttpContext c) =>
            {
                Interlocked.Increment(ref throttled);
                c.Response.Headers.RetryAfter = "1";
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            });
            routes.MapGet("/fine/{n:int}", (int n) => Results.Content($"<html><head><title>Fine {n}</title></head><body><article><h1>Fine {n}</h1><p>Never Let Me Go is a quiet film about memory and loss, reviewed here.</p></article></body></html>", "text/html"));
        });
        await EnqueueAsync([site.Url("busy").AbsoluteUri]);
        var first = await Nlmg.RunAsync(Settings(("Scraper:MaxAttempts", "1")), "worker", "--exit-when-empty", "--concurrency", "1");
        Assert.True(first.ExitCode == 0, first.ToString());
        var busy = Assert.Single(await JobsAsync(), j => j.Url.EndsWith("/busy", StringComparison.Ordinal));
        Assert.Equal(("dead", "http_429"), (busy.State, busy.FailureKind));
        Assert.Equal("HTTP 429 Too Many Requests (retry after 1 s)", busy.LastError);

        await EnqueueAsync([site.Url("fine/1").AbsoluteUri]);
        var second = await Nlmg.RunAsync(Settings(), "worker", "--exit-when-empty", "--concurrency", "1");
        Assert.True(second.ExitCode == 0, second.ToString());
        var busyAt = site.Requests.Single(r => r.Path == "/busy").At;
        var fineAt = site.Requests.Single(r => r.Path == "/fine/1").At;
        Assert.True(fineAt - busyAt >= TimeSpan.FromMilliseconds(999), $"{(fineAt - busyAt).TotalMilliseconds} ms after the 429");
    }

    [Fact]
    public async Task A_loopback_address_is_refused_unless_allow_listed()
    {
        await using var site = await CopySite.StartAsync();
        var url = site.Url("c/0.html").AbsoluteUri.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        await EnqueueAsync([url]);

        // The allow-list names 127.0.0.1; a name that resolves to loopback is checked on its address, which is not listed
        // when the list holds only another host.
        var worker = await Nlmg.RunAsync(Settings(("Scraper:AllowedHosts:0", "example.invalid")), "worker", "--exit-when-empty");
        Assert.True(worker.ExitCode == 0, worker.ToString());

        var job = Assert.Single(await JobsAsync(), j => j.Url == url);
        Assert.Equal(("dead", "refused_address"), (job.State, job.FailureKind));
        Assert.Contains("non-public address", job.LastError, StringComparison.Ordinal);
        Assert.Empty(CopySite.PageHits(site));

        var retried = await Nlmg.RunAsync(Settings(), "jobs", "retry", job.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(retried.ExitCode == 0, retried.ToString());
        var again = await Nlmg.RunAsync(Settings(), "worker", "--exit-when-empty");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal("done", (await JobsAsync()).Single(j => j.Id == job.Id).State);
    }

    [Fact]
    public async Task A_rescrape_with_validators_gets_304_and_does_no_extraction()
    {
        var hits = 0;
        await using var site = await LocalSite.StartAsync(root: null, routes => routes.MapGet("/tagged", (HttpContext c) =>
        {
            Interlocked.Increment(ref hits);
            if (c.Request.Headers.IfNoneMatch == "\"v1\"")
                return Results.StatusCode(StatusCodes.Status304NotModified);
            c.Response.Headers.ETag = "\"v1\"";
            return Results.Bytes(File.ReadAllBytes(SamplePages.All[0]), "text/html; charset=utf-8");
        }));
        var url = site.Url("tagged").AbsoluteUri;
        foreach (var expected in new[] { "created", "unchanged" })
        {
            await EnqueueAsync([url]);
            var worker = await Nlmg.RunAsync(Settings(), "worker", "--exit-when-empty");
            Assert.True(worker.ExitCode == 0, worker.ToString());
            var newest = (await JobsAsync()).First(j => j.Url == url);
            Assert.Equal(("done", expected), (newest.State, newest.Outcome));
            Assert.NotNull(newest.ReviewId);
        }
        Assert.Equal(2, hits);
        Assert.Equal(1, await database.CountAsync($"select count(*) from reviews where url = '{url}'"));
    }

    private async Task EnqueueAsync(IEnumerable<string> urls)
    {
        var result = await Nlmg.RunAsync(Settings(), ["enqueue", .. urls]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private async Task<IReadOnlyList<ScrapeJob>> JobsAsync()
    {
        await using var db = database.OpenDataSource();
        return await new ScrapeJobQueue(db, TimeProvider.System).ListAsync(null, 1000, CancellationToken.None);
    }
}
