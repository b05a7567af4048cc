using Microsoft.Extensions.Logging;
using Npgsql;

namespace NeverLetMeGo.Data.Postgres;

/// <summary>Applies db/migrations (embedded in this assembly) in order, each in a transaction, under an advisory lock.</summary>
public static class Migrator
{
    /// <summary>Returns the names of the migrations applied by this call (empty when up to date).</summary>
    public static Task<IReadOnlyList<string>> MigrateAsync(NpgsqlDataSource db, ILogger logger, CancellationToken ct)
        => throw new NotImplementedException(db.ToString() + logger);
}
