using System.Globalization;
using NeverLetMeGo.Data.Jobs;
using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

public sealed class WorkerQueueTests(WorkerDatabase database) : IClassFixture<WorkerDatabase>
{
    [Fact]
    public async Task The_worker_drains_the_queue_storing_good_pages_and_failing_the_broken_one()
    {
        await using var site = await SampleSite.StartAsync();
        var urls = SampleSite.SampleUrls(site);
        var broken = site.Url("broken").AbsoluteUri;
        var settings = database.Settings(("Scraper:MaxAttempts", "1"), ("Scraper:PollIntervalSeconds", "0.1"));

        var enqueued = await Nlmg.RunAsync(settings, ["enqueue", .. urls, broken]);
        Assert.True(enqueued.ExitCode == 0, enqueued.ToString());
        var ids = enqueued.OutLines.Select(l => long.Parse(l.Split('\t')[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(5, ids.Distinct().Count());
        Assert.Equal([.. urls, broken], enqueued.OutLines.Select(l => l.Split('\t')[1]));

        var again = await Nlmg.RunAsync(settings, "enqueue", urls[0]);
        Assert.Equal($"{ids[0]}\t{urls[0]}", Assert.Single(again.OutLines));

        var worker = await Nlmg.RunAsync(settings, "worker", "--exit-when-empty", "--concurrency", "2");
        Assert.True(worker.ExitCode == 0, worker.ToString());
        Assert.Equal(["Queue drained: done 4, failed 1"], worker.OutLines);
        Assert.Contains(worker.Error.Split('\n'), l => l.Contains(broken, StringComparison.Ordinal) && l.Contains("HTTP 500", StringComparison.Ordinal));

        await using var db = database.OpenDataSource();
        var jobs = await new ScrapeJobQueue(db, TimeProvider.System).ListAsync(null, 100, CancellationToken.None);
        Assert.Equal(5, jobs.Count);
        foreach (var url in urls)
        {
            var job = Assert.Single(jobs, j => j.Url == url);
            Assert.Equal("done", job.State);
            Assert.Equal("created", job.Outcome);
            Assert.NotNull(job.ReviewId);
        }
        var failed = Assert.Single(jobs, j => j.Url == broken);
        Assert.Equal("dead", failed.State);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal("HTTP 500 Internal Server Error", failed.LastError);
        Assert.Equal(4, await database.CountAsync("select count(*) from reviews"));

        var listed = await Nlmg.RunAsync(settings, "jobs", "--state", "dead");
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Equal(2, listed.OutLines.Length);
        Assert.Matches(@"^ID\s+STATE\s+ATTEMPTS\s+SOURCE\s+URL\s+LAST ERROR$", listed.OutLines[0]);
        Assert.Matches($@"^{failed.Id}\s+dead\s+1\s+-\s+{System.Text.RegularExpressions.Regex.Escape(broken)}\s+HTTP 500 Internal Server Error$", listed.OutLines[1]);

        var retried = await Nlmg.RunAsync(settings, "jobs", "retry", "--dead");
        Assert.Equal(["Retrying 1 dead job."], retried.OutLines);
        var requeued = await new ScrapeJobQueue(db, TimeProvider.System).GetAsync(failed.Id, CancellationToken.None);
        Assert.Equal(("pending", 0), (requeued?.State, requeued?.Attempts));
    }

    [Fact]
    public async Task Enqueue_drops_fragments_and_tracking_parameters_so_one_page_is_one_job()
    {
        var plain = await Nlmg.RunAsync(database.Settings(), "enqueue", "http://127.0.0.1:9/tracked.html?p=2");
        var tracked = await Nlmg.RunAsync(database.Settings(), "enqueue", "http://127.0.0.1:9/tracked.html?utm_source=rss&p=2&fbclid=x#comments");

        Assert.True(tracked.ExitCode == 0, tracked.ToString());
        Assert.Equal(plain.OutLines, tracked.OutLines);
        Assert.EndsWith("\thttp://127.0.0.1:9/tracked.html?p=2", Assert.Single(tracked.OutLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enqueue_refuses_anything_but_http_urls_and_queues_nothing()
    {
        var result = await Nlmg.RunAsync(database.Settings(), "enqueue", "http://127.0.0.1:9/ok.html", "ftp://example.invalid/x");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not an http(s) URL: ftp://example.invalid/x", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }
}
