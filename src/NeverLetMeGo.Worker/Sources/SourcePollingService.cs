using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NeverLetMeGo.Worker.Queue;

namespace NeverLetMeGo.Worker.Sources;

/// <summary>In every worker: looks for due sources every half minute (sources are claimed, so workers share them).</summary>
internal sealed class SourcePollingService(SourcePoller poller, TimeProvider clock, ILogger<SourcePollingService> logger) : BackgroundService
{
    private static readonly TimeSpan Check = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new Backoff(clock);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await poller.PollDueAsync(stoppingToken);
                    backoff.Reset();
                    await Task.Delay(Check, clock, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Sources are a side line of the worker: whatever breaks them must not stop the queue.
                    logger.LogError(ex, "Polling sources failed; retrying in {Delay}", backoff.Next);
                    await backoff.WaitAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
