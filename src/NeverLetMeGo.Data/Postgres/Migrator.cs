using System.Reflection;
using Microsoft.Extensions.Logging;
using NeverLetMeGo.Data.Reviews;
using Npgsql;

namespace NeverLetMeGo.Data.Postgres;

/// <summary>Applies db/migrations (embedded in this assembly) in order, each in a transaction, under an advisory lock.</summary>
public static class Migrator
{
    /// <summary>
    /// Session advisory lock held while migrating: "NLMG" in the high 32 bits, 1 in the low ones.
    /// Every process that migrates this database takes the same key, so only one of them migrates at a time.
    /// </summary>
    public const long AdvisoryLockKey = 0x4E4C_4D47_0000_0001;

    private const string ResourcePrefix = "migrations/";

    /// <summary>The embedded migrations, by version (file name without .sql), in the order they are applied.</summary>
    public static IReadOnlyList<string> Versions => LoadMigrations().Select(m => m.Version).ToList();

    /// <summary>Returns the names of the migrations applied by this call (empty when up to date).</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(NpgsqlDataSource db, ILogger logger, CancellationToken ct)
    {
        var migrations = LoadMigrations();
        await using var connection = await db.OpenConnectionAsync(ct);

        // Another process migrating holds the lock for as long as its migrations take.
        await ExecuteAsync(connection, "select pg_advisory_lock(@key)", ct, timeoutSeconds: 0, parameters: new NpgsqlParameter("key", AdvisoryLockKey));
        try
        {
            const string createTable = """
                create table if not exists schema_migrations (
                    version    text        primary key,
                    applied_at timestamptz not null default now()
                )
                """;
            await ExecuteAsync(connection, createTable, ct);

            var recorded = await ReadAppliedAsync(connection, ct);
            var applied = new List<string>();
            foreach (var migration in migrations.Where(m => !recorded.Contains(m.Version)))
            {
                await ApplyAsync(connection, migration, ct);
                logger.LogInformation("Applied migration {Migration}", migration.Version);
                applied.Add(migration.Version);
            }

            if (applied.Count == 0)
                logger.LogDebug("Database schema is up to date ({Count} migrations)", migrations.Count);
            // Reviews decided by no or an older version of Core's rules are decided again before anything reads them.
            await ReviewDecisions.DecideOutdatedAsync(db, logger, ct);
            return applied;
        }
        finally
        {
            // The lock belongs to the session; release it even when cancelled so a pooled connection never keeps it.
            if (connection.State == System.Data.ConnectionState.Open)
                await ExecuteAsync(connection, "select pg_advisory_unlock(@key)", CancellationToken.None, parameters: new NpgsqlParameter("key", AdvisoryLockKey));
        }
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken ct)
    {
        const string record = "insert into schema_migrations (version) values (@version)";
        await using var tx = await connection.BeginTransactionAsync(ct);
        try
        {
            // No command timeout: a migration that rewrites a table takes time with the data (0017 took over Npgsql's
            // default 30 s at 100,000 reviews and was cancelled, so the database could not start); ct still cancels it.
            await ExecuteAsync(connection, migration.Sql, ct, timeoutSeconds: 0);
            await ExecuteAsync(connection, record, ct, parameters: new NpgsqlParameter("version", migration.Version));
            await tx.CommitAsync(ct);
        }
        catch (PostgresException e)
        {
            throw new InvalidOperationException($"Migration {migration.Version} failed: {e.MessageText}", e);
        }
    }

    private static async Task<HashSet<string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        const string sql = "select version from schema_migrations";
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var versions = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
            versions.Add(reader.GetString(0));
        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, int? timeoutSeconds = null, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (timeoutSeconds is { } timeout)
            command.CommandTimeout = timeout;
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static List<Migration> LoadMigrations()
    {
        var assembly = typeof(Migrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new Migration(Path.GetFileNameWithoutExtension(n[ResourcePrefix.Length..]), Read(assembly, n)))
            .ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded migration {resource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed record Migration(string Version, string Sql);
}
