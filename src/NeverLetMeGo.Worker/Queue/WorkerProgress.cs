using System.Globalization;
using Microsoft.Extensions.Hosting;

namespace NeverLetMeGo.Worker.Queue;

/// <summary>
/// On a terminal, a running worker prints a progress line (pages done, rate, failures) every few seconds when it changed.
/// Redirected output gets the structured per-page log lines only.
/// </summary>
internal sealed class WorkerProgress(WorkerStats stats, TextWriter error, TimeProvider clock) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly DateTimeOffset _started = clock.GetUtcNow();
    private (int Done, int Failed) _shown;

    /// <summary>The progress line, or null when nothing changed since the last one.</summary>
    public string? Next()
    {
        var now = (stats.Done, stats.Failed);
        if (now == _shown)
            return null;

        _shown = now;
        var seconds = Math.Max((clock.GetUtcNow() - _started).TotalSeconds, 1e-3);
        return string.Create(CultureInfo.InvariantCulture, $"worker: {now.Done} pages done ({now.Done / seconds:0.0}/s), {now.Failed} failed");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            if (Next() is { } line)
                await error.WriteLineAsync(line.AsMemory(), stoppingToken).ConfigureAwait(false);
        }
    }
}
