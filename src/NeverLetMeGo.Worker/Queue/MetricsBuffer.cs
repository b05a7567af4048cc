using Microsoft.Extensions.Logging;
using NeverLetMeGo.Data.Jobs;
using NeverLetMeGo.Worker.Scraping;

namespace NeverLetMeGo.Worker.Queue;

/// <summary>
/// The worker's counters, summed in memory and added to scrape_metrics in one statement per interval and once more when
/// the worker stops. Added with each job's completion, every worker's every page locked the same dozen counter rows
/// until its commit, so two workers' completions queued behind each other (0.9 ms per page of waiting in
/// pg_stat_statements, more than any other statement but the inserts). GET /metrics lags by at most the interval; a
/// flush that fails keeps its sums for the next one, and a crash loses at most one interval of counts, never counts
/// twice.
/// </summary>
internal sealed class MetricsBuffer(ScrapeMetrics metrics, ILogger<MetricsBuffer> logger)
{
    /// <summary>How often the sums are written while the worker runs.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private Dictionary<(string Name, string Label), double> _pending = [];

    public void Add(IEnumerable<(string Name, string Label, double Value)> increments)
    {
        lock (_gate)
        {
            foreach (var (name, label, value) in increments)
                _pending[(name, label)] = _pending.GetValueOrDefault((name, label)) + value;
        }
    }

    /// <summary>Writes what was added since the last flush; on a database failure keeps it for the next.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        Dictionary<(string Name, string Label), double> taken;
        lock (_gate)
        {
            if (_pending.Count == 0)
                return;
            (taken, _pending) = (_pending, []);
        }

        var increments = taken.Select(p => (p.Key.Name, p.Key.Label, p.Value)).ToList();
        try
        {
            await metrics.AddAsync(increments, ct);
        }
        catch (Exception ex) when (Failures.IsInfrastructure(ex) || ex is OperationCanceledException)
        {
            Add(increments);
            logger.LogWarning(ex, "Could not write {Count} metric counters; they are kept for the next try", taken.Count);
        }
    }

    /// <summary>Flushes every <see cref="Interval"/> until <paramref name="ct"/> is cancelled, then once more.</summary>
    public async Task RunAsync(TimeProvider clock, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
                await FlushAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }

        await FlushAsync(CancellationToken.None);
    }
}
