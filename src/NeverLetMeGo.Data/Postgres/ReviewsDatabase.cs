using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace NeverLetMeGo.Data.Postgres;

/// <summary>Decides which PostgreSQL the process uses: ConnectionStrings:Reviews when set, else the embedded cluster (started or reused).</summary>
public static class ReviewsDatabase
{
    public const string ConnectionStringName = "Reviews";

    /// <summary>Returns a ready connection string with migrations applied. IsEmbedded tells whether the private cluster is in use.</summary>
    public static async Task<(string ConnectionString, bool IsEmbedded)> ResolveAsync(IConfiguration configuration, ILogger logger, CancellationToken ct)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var configured = configuration.GetConnectionString(ConnectionStringName);
        var isEmbedded = string.IsNullOrWhiteSpace(configured);

        string connectionString;
        if (isEmbedded)
        {
            var postgres = await EmbeddedPostgres.StartAsync(options, logger, ct);
            connectionString = postgres.ConnectionString;
        }
        else
        {
            connectionString = configured!;
            logger.LogInformation("Using the PostgreSQL server named by ConnectionStrings:{Name}", ConnectionStringName);
        }

        if (options.MigrateOnStart)
        {
            await using var db = NpgsqlDataSource.Create(connectionString);
            await Migrator.MigrateAsync(db, logger, ct);
        }
        return (connectionString, isEmbedded);
    }

    /// <summary>The embedded cluster these settings use (nothing is started), for a process that supervises it.</summary>
    public static EmbeddedPostgres LocateEmbedded(IConfiguration configuration, ILogger logger)
        => EmbeddedPostgres.Locate(configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions(), logger);

    /// <summary>
    /// The process's one data source. Unless the connection string sets them itself: statements are prepared on the
    /// server from their second use (every query here is a constant text, and parsing and planning it again took about
    /// half of PostgreSQL's time per API request), and a connection going back to the pool is not reset (Npgsql's reset
    /// runs RESET ALL, SET SESSION AUTHORIZATION, DISCARD SEQUENCES and CLOSE ALL on the server at every return, several
    /// per request, and nothing here leaves session state behind: the advisory locks are released in finally blocks).
    /// bench/README.md, Performance.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // The keys as written (Npgsql's own builder knows every keyword, set or not).
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!written.Contains("MaxAutoPrepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 128;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        if (!written.Contains("NoResetOnClose"))
        {
            builder.ConnectionStringBuilder.NoResetOnClose = true;
        }

        return builder.Build();
    }
}
