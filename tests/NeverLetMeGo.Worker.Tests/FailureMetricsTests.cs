using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NeverLetMeGo.Data.Jobs;
using NeverLetMeGo.Testing;
using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

/// <summary>What the workers count for /metrics when pages fail: every failed attempt, and apart from those the pages given up on.</summary>
public sealed class FailureMetricsTests(WorkerDatabase database) : IClassFixture<WorkerDatabase>
{
    [Fact]
    public async Task A_retried_failure_counts_as_a_failed_attempt_and_only_the_final_one_as_a_failed_page()
    {
        await using var site = await LocalSite.StartAsync(root: null, routes =>
        {
            routes.MapGet("/flaky", () => Results.StatusCode(StatusCodes.Status500InternalServerError));
            routes.MapGet("/gone", () => Results.StatusCode(StatusCodes.Status404NotFound));
        });
        var settings = database.Settings(("Scraper:MaxAttempts", "2"), ("Scraper:HostDelaySeconds", "0"), ("Scraper:PollIntervalSeconds", "0.1"));
        var enqueued = await Nlmg.RunAsync(settings, "enqueue", site.Url("flaky").AbsoluteUri, site.Url("gone").AbsoluteUri);
        Assert.True(enqueued.ExitCode == 0, enqueued.ToString());

        var first = await Nlmg.RunAsync(settings, "worker", "--exit-when-empty");
        Assert.True(first.ExitCode == 0, first.ToString());
        // The 500 will be retried; the 404 is permanent, so its page is given up on at once.
        Assert.Equal(1, await database.CountAsync("select count(*) from scrape_jobs where state = 'pending'"));
        Assert.Equal(
            [(ScrapeMetrics.AttemptsFailed, "http_404", 1.0), (ScrapeMetrics.AttemptsFailed, "http_500", 1.0), (ScrapeMetrics.Failed, "http_404", 1.0)],
            await FailureCountsAsync());

        // The backoff is not what this test is about: make the retry due now.
        await database.ExecuteAsync("update scrape_jobs set run_after = now() - interval '1 second' where state = 'pending'");
        var second = await Nlmg.RunAsync(settings, "worker", "--exit-when-empty");
        Assert.True(second.ExitCode == 0, second.ToString());

        Assert.Equal(2, await database.CountAsync("select count(*) from scrape_jobs where state = 'dead'"));
        Assert.Equal(
            [
                (ScrapeMetrics.AttemptsFailed, "http_404", 1.0), (ScrapeMetrics.AttemptsFailed, "http_500", 2.0),
                (ScrapeMetrics.Failed, "http_404", 1.0), (ScrapeMetrics.Failed, "http_500", 1.0),
            ],
            await FailureCountsAsync());
    }

    private async Task<IReadOnlyList<(string, string, double)>> FailureCountsAsync()
    {
        await using var db = database.OpenDataSource();
        var values = await new ScrapeMetrics(db).ReadAsync(CancellationToken.None);
        return [.. values.Where(v => v.Name is ScrapeMetrics.AttemptsFailed or ScrapeMetrics.Failed).Select(v => (v.Name, v.Label, v.Value))];
    }
}
