using NeverLetMeGo.Testing;
using NeverLetMeGo.Worker.Queue;

namespace NeverLetMeGo.Worker.Tests;

public sealed class WorkerProgressTests
{
    [Fact]
    public void Progress_line_shows_pages_done_rate_and_failures_and_stays_quiet_when_nothing_changed()
    {
        var clock = new ManualClock();
        var stats = new WorkerStats();
        using var progress = new WorkerProgress(stats, TextWriter.Null, clock);

        Assert.Null(progress.Next());

        for (var i = 0; i < 20; i++)
            stats.CountDone();
        stats.CountFailed();
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal("worker: 20 pages done (2.0/s), 1 failed", progress.Next());
        Assert.Null(progress.Next());
    }
}
