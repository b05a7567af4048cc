using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using NeverLetMeGo.Data.Operations;
using NeverLetMeGo.Data.Postgres;

namespace NeverLetMeGo.Data.Tests;

/// <summary>What /readyz asks the database: which of this build's migrations are missing.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task An_empty_database_lacks_every_migration_a_migrated_one_none_and_a_missing_one_is_named()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(empty: true);
        var db = scratch.DataSource;

        Assert.Equal(Migrator.Versions, await Readiness.PendingMigrationsAsync(db, CancellationToken.None));
        await Migrator.MigrateAsync(db, NullLogger.Instance, CancellationToken.None);
        Assert.Empty(await Readiness.PendingMigrationsAsync(db, CancellationToken.None));

        await using (var connection = await db.OpenConnectionAsync())
            await connection.ExecuteAsync("delete from schema_migrations where version = '0005_failed_attempts_metric'");
        Assert.Equal(["0005_failed_attempts_metric"], await Readiness.PendingMigrationsAsync(db, CancellationToken.None));
    }
}
