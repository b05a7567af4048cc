using System.Globalization;
using Dapper;
using Npgsql;

namespace NeverLetMeGo.Data.Jobs;

/// <summary>One counter of scrape_metrics: a name, a label value ("" for none) and its running total.</summary>
public sealed record MetricValue(string Name, string Label, double Value);

/// <summary>
/// Counters every worker adds to and the API reads for GET /metrics: pages fetched, stored, unchanged, failed by reason
/// (every failed attempt, and apart from those the pages given up on as dead), and the fetch latency histogram
/// (cumulative buckets, as Prometheus wants them).
/// </summary>
public sealed class ScrapeMetrics(NpgsqlDataSource db)
{
    public const string Fetched = "pages_fetched";
    public const string Stored = "pages_stored";
    public const string Unchanged = "pages_unchanged";
    /// <summary>Jobs that ended dead (retries exhausted or a permanent failure), labelled with the last failure's kind.</summary>
    public const string Failed = "pages_failed";

    /// <summary>Every failed attempt, the ones that will be retried included, labelled with its kind.</summary>
    public const string AttemptsFailed = "attempts_failed";
    public const string LatencyBucket = "fetch_latency_bucket";
    public const string LatencySum = "fetch_latency_sum";
    public const string LatencyCount = "fetch_latency_count";

    /// <summary>Upper bounds of the latency buckets, in seconds ("+Inf" is the count).</summary>
    public static IReadOnlyList<double> Buckets { get; } = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    public static string BucketLabel(double bound) => bound.ToString("0.###", CultureInfo.InvariantCulture);

    public Task CountAsync(string name, string label, CancellationToken ct) => AddAsync([(name, label, 1)], ct);

    public Task RecordFetchAsync(TimeSpan latency, CancellationToken ct) => AddAsync(FetchIncrements(latency), ct);

    /// <summary>What one fetch adds: its latency bucket, sum and count, and one page fetched.</summary>
    public static IReadOnlyList<(string Name, string Label, double Value)> FetchIncrements(TimeSpan latency)
    {
        var seconds = latency.TotalSeconds;
        return [.. Buckets.Where(b => seconds <= b).Select(b => (LatencyBucket, BucketLabel(b), 1.0)),
            (LatencySum, "", seconds), (LatencyCount, "", 1.0), (Fetched, "", 1.0)];
    }

    public async Task<IReadOnlyList<MetricValue>> ReadAsync(CancellationToken ct)
    {
        const string sql = "select name, label, value from scrape_metrics order by name, label";
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(string Name, string Label, double Value)>(new CommandDefinition(sql, cancellationToken: ct));
        return [.. rows.Select(r => new MetricValue(r.Name, r.Label, r.Value))];
    }

    /// <summary>Several counters in one statement.</summary>
    public async Task AddAsync(IReadOnlyList<(string Name, string Label, double Value)> increments, CancellationToken ct)
    {
        // One statement for the lot; sorted so two workers lock the rows in the same order.
        const string sql = """
            insert into scrape_metrics (name, label, value)
            select * from unnest(@names, @labels, @values)
            on conflict (name, label) do update set value = scrape_metrics.value + excluded.value
            """;
        if (increments.Count == 0)
            return;
        var sorted = increments.OrderBy(i => i.Name, StringComparer.Ordinal).ThenBy(i => i.Label, StringComparer.Ordinal).ToList();
        var args = new
        {
            names = sorted.Select(i => i.Name).ToArray(),
            labels = sorted.Select(i => i.Label).ToArray(),
            values = sorted.Select(i => i.Value).ToArray(),
        };
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: ct));
    }
}
