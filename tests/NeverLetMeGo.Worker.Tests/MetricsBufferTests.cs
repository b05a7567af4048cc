using Microsoft.Extensions.Logging.Abstractions;
using NeverLetMeGo.Data.Jobs;
using NeverLetMeGo.Worker.Queue;
using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

/// <summary>The worker's counters reach scrape_metrics summed, once per flush, and a stopped buffer writes what is left.</summary>
public sealed class MetricsBufferTests(WorkerDatabase database) : IClassFixture<WorkerDatabase>
{
    [Fact]
    public async Task Counts_added_between_flushes_are_written_once_as_their_sums()
    {
        await using var db = database.OpenDataSource();
        await database.ExecuteAsync("delete from scrape_metrics");
        var metrics = new ScrapeMetrics(db);
        var buffer = new MetricsBuffer(metrics, NullLogger<MetricsBuffer>.Instance);

        buffer.Add([(ScrapeMetrics.Stored, "", 1), .. ScrapeMetrics.FetchIncrements(TimeSpan.FromMilliseconds(70))]);
        buffer.Add([(ScrapeMetrics.Stored, "", 1), (ScrapeMetrics.AttemptsFailed, "http_500", 1)]);
        var before = await CountersAsync(metrics);
        await buffer.FlushAsync(CancellationToken.None);
        await buffer.FlushAsync(CancellationToken.None);
        var after = await CountersAsync(metrics);

        Assert.Empty(before);
        Assert.Equal(2, after[(ScrapeMetrics.Stored, "")]);
        Assert.Equal(1, after[(ScrapeMetrics.Fetched, "")]);
        Assert.Equal(1, after[(ScrapeMetrics.LatencyBucket, "0.1")]);
        Assert.False(after.ContainsKey((ScrapeMetrics.LatencyBucket, "0.05")));
        Assert.Equal(1, after[(ScrapeMetrics.AttemptsFailed, "http_500")]);
    }

    [Fact]
    public async Task Stopping_the_flush_loop_writes_what_was_added_since_the_last_tick()
    {
        await using var db = database.OpenDataSource();
        await database.ExecuteAsync("delete from scrape_metrics");
        var metrics = new ScrapeMetrics(db);
        var buffer = new MetricsBuffer(metrics, NullLogger<MetricsBuffer>.Instance);
        using var stop = new CancellationTokenSource();
        var running = buffer.RunAsync(TimeProvider.System, stop.Token);

        buffer.Add([(ScrapeMetrics.Unchanged, "", 3)]);
        await stop.CancelAsync();
        await running;

        Assert.Equal(3, (await CountersAsync(metrics))[(ScrapeMetrics.Unchanged, "")]);
    }

    private static async Task<Dictionary<(string, string), double>> CountersAsync(ScrapeMetrics metrics)
        => (await metrics.ReadAsync(CancellationToken.None)).ToDictionary(m => (m.Name, m.Label), m => m.Value);
}
