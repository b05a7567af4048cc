using Npgsql;
using Microsoft.Extensions.Logging;

namespace NeverLetMeGo.Data.Postgres;

/// <summary>
/// Keeps the embedded cluster up for a long-running process (the API, a worker): checked every second, started again
/// when it stopped answering (a crash, a <c>kill -9</c>), with a doubling backoff while it will not start (orphaned
/// backends of a killed postmaster hold its shared memory until they notice and exit). A configured server is the
/// operator's to run; this only supervises the embedded default.
/// </summary>
public sealed class EmbeddedPostgresSupervisor(EmbeddedPostgres postgres, ILogger logger, TimeProvider clock)
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>Runs until <paramref name="ct"/> is cancelled; <paramref name="restarted"/> runs after each restart (drop pooled connections).</summary>
    public async Task RunAsync(Action restarted, CancellationToken ct)
    {
        var delay = CheckInterval;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, clock, ct);
                if (await postgres.RestartIfDownAsync(ct))
                {
                    logger.LogWarning("The embedded PostgreSQL in {DataDirectory} had stopped; it was started again", postgres.DataDirectory);
                    restarted();
                }

                delay = CheckInterval;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
                logger.LogError(ex, "The embedded PostgreSQL is down and could not be started; trying again in {Delay}", delay);
            }
        }
    }
}

/// <summary>
/// On the embedded default, a host (the API, a worker) restarts a crashed cluster itself and drops the pooled connections
/// to the dead one; requests and jobs wait out the outage meanwhile.
/// </summary>
public sealed class EmbeddedPostgresSupervision(EmbeddedPostgres postgres, NpgsqlDataSource db, TimeProvider clock, ILogger<EmbeddedPostgresSupervision> logger)
    : Microsoft.Extensions.Hosting.BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
        => new EmbeddedPostgresSupervisor(postgres, logger, clock).RunAsync(db.Clear, stoppingToken);
}
