using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using NeverLetMeGo.Data.Postgres;
using Npgsql;

namespace NeverLetMeGo.Data.Tests;

public sealed class MigratorTests
{
    [Fact]
    public async Task Migrations_are_applied_once_and_a_second_run_applies_nothing()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(empty: true);
        var db = scratch.DataSource;
        var logger = new ListLogger();

        var first = await Migrator.MigrateAsync(db, logger, CancellationToken.None);
        var second = await Migrator.MigrateAsync(db, logger, CancellationToken.None);

        Assert.Equal(Migrator.Versions, first);
        Assert.Contains("0001_initial", first);
        Assert.Empty(second);
        Assert.Equal(Migrator.Versions, await RecordedAsync(db));
        Assert.All(first, version => Assert.Contains(logger.Messages, m => m.Contains(version, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Migrations_create_the_schema_the_application_uses()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(empty: true);
        var db = scratch.DataSource;

        await Migrator.MigrateAsync(db, NullLogger.Instance, CancellationToken.None);

        await using var connection = await db.OpenConnectionAsync();
        var tables = await connection.QueryAsync<string>("select table_name from information_schema.tables where table_schema = 'public'");
        // A subset: each later migration adds its own tables and checks them in its own tests.
        Assert.Subset(
            tables.ToHashSet(StringComparer.Ordinal),
            new HashSet<string>(
                ["app_state", "comment_blocks", "comments", "review_blocks", "reviews", "schema_migrations", "scrape_jobs", "sites", "works",
                 "scrape_hosts", "page_validators", "scrape_sources", "scrape_source_entries", "scrape_metrics"],
                StringComparer.Ordinal));
    }

    [Fact]
    public async Task Two_concurrent_migrations_of_a_fresh_database_both_succeed_and_record_each_migration_once()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(empty: true);
        await using var one = NpgsqlDataSource.Create(scratch.ConnectionString);
        await using var two = NpgsqlDataSource.Create(scratch.ConnectionString);

        var results = await Task.WhenAll(
            Migrator.MigrateAsync(one, NullLogger.Instance, CancellationToken.None),
            Migrator.MigrateAsync(two, NullLogger.Instance, CancellationToken.None));

        // One caller applied everything, the other found it done: never both, never half each.
        Assert.Equal(Migrator.Versions, results.SelectMany(r => r).Order(StringComparer.Ordinal));
        Assert.Contains(results, r => r.Count == 0);
        Assert.Equal(Migrator.Versions, await RecordedAsync(one));
    }

    [Fact]
    public async Task The_advisory_lock_is_released_after_migrating()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(empty: true);
        var db = scratch.DataSource;
        await Migrator.MigrateAsync(db, NullLogger.Instance, CancellationToken.None);

        await using var other = await db.OpenConnectionAsync();
        var acquired = await other.ExecuteScalarAsync<bool>("select pg_try_advisory_lock(@key)", new { key = Migrator.AdvisoryLockKey });

        Assert.True(acquired);
    }

    private static async Task<List<string>> RecordedAsync(NpgsqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<string>("select version from schema_migrations order by version")).ToList();
    }
}
