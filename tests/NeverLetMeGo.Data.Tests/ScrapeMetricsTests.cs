using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using NeverLetMeGo.Data.Jobs;
using NeverLetMeGo.Data.Postgres;

namespace NeverLetMeGo.Data.Tests;

public sealed class ScrapeMetricsTests
{
    [Fact]
    public async Task Failures_counted_before_dead_jobs_had_their_own_counter_move_to_the_failed_attempts_counter()
    {
        await using var scratch = await ScratchDatabase.CreateAsync();
        var db = scratch.DataSource;
        var metrics = new ScrapeMetrics(db);
        // A database as 0004 left it: pages_failed counted every failed attempt.
        await using (var connection = await db.OpenConnectionAsync())
            await connection.ExecuteAsync("delete from schema_migrations where version = '0005_failed_attempts_metric'");
        await metrics.CountAsync(ScrapeMetrics.Failed, "http_500", CancellationToken.None);
        await metrics.CountAsync(ScrapeMetrics.Failed, "http_500", CancellationToken.None);

        Assert.Equal(["0005_failed_attempts_metric"], await Migrator.MigrateAsync(db, NullLogger.Instance, CancellationToken.None));
        await metrics.CountAsync(ScrapeMetrics.Failed, "http_500", CancellationToken.None);

        var values = await metrics.ReadAsync(CancellationToken.None);
        Assert.Contains(new MetricValue(ScrapeMetrics.AttemptsFailed, "http_500", 2), values);
        Assert.Contains(new MetricValue(ScrapeMetrics.Failed, "http_500", 1), values);
    }
}
