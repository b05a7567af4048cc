using Dapper;
using NeverLetMeGo.Data.Postgres;
using Npgsql;

namespace NeverLetMeGo.Data.Operations;

/// <summary>Whether the database can serve this build: reachable, with every migration the build carries applied.</summary>
public static class Readiness
{
    /// <summary>The migrations of this build not recorded in the database (all of them when none ever ran).</summary>
    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = """
            select version from schema_migrations
            where to_regclass('schema_migrations') is not null
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition("select to_regclass('schema_migrations') is not null", cancellationToken: ct));
        if (!exists)
            return Migrator.Versions;
        var applied = (await connection.QueryAsync<string>(new CommandDefinition(sql, cancellationToken: ct))).ToHashSet(StringComparer.Ordinal);
        return [.. Migrator.Versions.Where(v => !applied.Contains(v))];
    }
}
