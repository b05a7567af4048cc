using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NeverLetMeGo.Data.Postgres;
using Npgsql;

namespace NeverLetMeGo.Worker.Queue;

/// <summary>On the embedded default, a worker restarts a crashed cluster itself; its jobs wait out the outage with backoff meanwhile.</summary>
internal sealed class DatabaseSupervision(EmbeddedPostgres postgres, NpgsqlDataSource db, TimeProvider clock, ILogger<DatabaseSupervision> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
        => new EmbeddedPostgresSupervisor(postgres, logger, clock).RunAsync(db.Clear, stoppingToken);
}
