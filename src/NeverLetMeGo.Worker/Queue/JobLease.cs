using Microsoft.Extensions.Logging;
using NeverLetMeGo.Data.Jobs;
using NeverLetMeGo.Worker.Scraping;

namespace NeverLetMeGo.Worker.Queue;

/// <summary>
/// Keeps a claimed job's lease alive while this worker works on it (a heartbeat every third of the lease), so a slow
/// host or a long wait for its turn never lets another worker take the job; a dead worker stops beating and loses it.
/// </summary>
internal sealed class JobLease : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _beating;

    private JobLease(ScrapeJobQueue queue, ScrapeJob job, string workerId, TimeSpan lease, TimeProvider clock, ILogger logger)
    {
        _beating = BeatAsync(queue, job, workerId, lease, clock, logger, _stop.Token);
    }

    public static JobLease Start(ScrapeJobQueue queue, ScrapeJob job, string workerId, TimeSpan lease, TimeProvider clock, ILogger logger) =>
        new(queue, job, workerId, lease, clock, logger);

    private static async Task BeatAsync(ScrapeJobQueue queue, ScrapeJob job, string workerId, TimeSpan lease, TimeProvider clock, ILogger logger, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(lease / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    if (!await queue.HeartbeatAsync(job.Id, workerId, lease, ct))
                    {
                        logger.LogWarning("Job {JobId} ({Url}) is no longer held by this worker", job.Id, job.Url);
                        return;
                    }
                }
                catch (Exception ex) when (Failures.IsInfrastructure(ex))
                {
                    // The next beat may get through; if none does, the lease expires and the job is taken again.
                    logger.LogError(ex, "Heartbeat of job {JobId} failed", job.Id);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _beating;
        _stop.Dispose();
    }
}
