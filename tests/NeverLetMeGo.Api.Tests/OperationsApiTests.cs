using System.Net;
using NeverLetMeGo.Data.Jobs;

namespace NeverLetMeGo.Api.Tests;

/// <summary>Probes and Prometheus metrics over HTTP.</summary>
public sealed class OperationsApiTests(ApiServer api) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task Healthz_and_readyz_answer_200_on_a_migrated_database()
    {
        var health = await api.GetAsync("/healthz");
        var ready = await api.GetAsync("/readyz");

        Assert.Equal((HttpStatusCode.OK, "ok"), (health.Status, health.Json.GetProperty("status").GetString()));
        Assert.Equal((HttpStatusCode.OK, "ready"), (ready.Status, ready.Json.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Metrics_show_the_workers_counters_the_latency_histogram_and_the_queue_depth()
    {
        var metrics = new ScrapeMetrics(api.Db);
        await metrics.RecordFetchAsync(TimeSpan.FromMilliseconds(70), CancellationToken.None);
        await metrics.RecordFetchAsync(TimeSpan.FromSeconds(3), CancellationToken.None);
        await metrics.CountAsync(ScrapeMetrics.Stored, "", CancellationToken.None);
        await metrics.CountAsync(ScrapeMetrics.AttemptsFailed, "http_500", CancellationToken.None);
        await metrics.CountAsync(ScrapeMetrics.AttemptsFailed, "http_500", CancellationToken.None);
        await metrics.CountAsync(ScrapeMetrics.Failed, "http_500", CancellationToken.None);
        await new ScrapeJobQueue(api.Db, TimeProvider.System).EnqueueAsync("https://metrics.example/a", CancellationToken.None);

        var response = await api.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("text/plain", response.ContentType);
        var lines = response.Body.Split('\n');
        Assert.Contains("nlmg_pages_fetched_total 2", lines);
        Assert.Contains("nlmg_pages_stored_total 1", lines);
        Assert.Contains("nlmg_pages_unchanged_total 0", lines);
        Assert.Contains("nlmg_pages_failed_total{reason=\"http_500\"} 1", lines);
        Assert.Contains("nlmg_scrape_attempts_failed_total{reason=\"http_500\"} 2", lines);
        Assert.Contains("# TYPE nlmg_scrape_attempts_failed_total counter", lines);
        Assert.Contains("nlmg_fetch_duration_seconds_bucket{le=\"0.05\"} 0", lines);
        Assert.Contains("nlmg_fetch_duration_seconds_bucket{le=\"0.1\"} 1", lines);
        Assert.Contains("nlmg_fetch_duration_seconds_bucket{le=\"5\"} 2", lines);
        Assert.Contains("nlmg_fetch_duration_seconds_bucket{le=\"+Inf\"} 2", lines);
        Assert.Contains("nlmg_fetch_duration_seconds_count 2", lines);
        Assert.Contains("# TYPE nlmg_fetch_duration_seconds histogram", lines);
        Assert.Contains("nlmg_scrape_jobs{state=\"pending\"} 1", lines);
        Assert.Contains("nlmg_scrape_jobs{state=\"dead\"} 0", lines);
    }
}
