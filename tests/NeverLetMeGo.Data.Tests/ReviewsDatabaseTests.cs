using Dapper;
using Microsoft.Extensions.Configuration;
using NeverLetMeGo.Data.Postgres;
using Npgsql;

namespace NeverLetMeGo.Data.Tests;

public sealed class ReviewsDatabaseTests
{
    [Fact]
    public async Task A_configured_connection_string_is_used_as_is_and_migrated()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(empty: true);
        var connectionString = scratch.ConnectionString;
        var configuration = Configure(("ConnectionStrings:Reviews", connectionString));

        var (resolved, isEmbedded) = await ReviewsDatabase.ResolveAsync(configuration, new ListLogger(), CancellationToken.None);

        Assert.Equal(connectionString, resolved);
        Assert.False(isEmbedded);
        Assert.Equal(Migrator.Versions, await RecordedAsync(connectionString));
    }

    [Fact]
    public async Task Migrating_on_start_can_be_turned_off()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(empty: true);
        var connectionString = scratch.ConnectionString;
        var configuration = Configure(("ConnectionStrings:Reviews", connectionString), ("Database:MigrateOnStart", "false"));

        await ReviewsDatabase.ResolveAsync(configuration, new ListLogger(), CancellationToken.None);

        await using var connection = new NpgsqlConnection(connectionString);
        Assert.False(await connection.ExecuteScalarAsync<bool>("select to_regclass('schema_migrations') is not null"));
    }

    [Theory]
    [InlineData("Host=db.invalid;Username=u", 128)]
    [InlineData("Host=db.invalid;Username=u;Max Auto Prepare=0", 0)]
    [InlineData("Host=db.invalid;Username=u;maxautoprepare=5", 5)]
    public async Task The_data_source_prepares_statements_unless_the_connection_string_says_otherwise(string connectionString, int expected)
    {
        await using var db = ReviewsDatabase.CreateDataSource(connectionString);

        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(db.ConnectionString).MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Host=db.invalid;Username=u", true)]
    [InlineData("Host=db.invalid;Username=u;No Reset On Close=false", false)]
    public async Task The_data_source_skips_the_reset_on_return_unless_the_connection_string_says_otherwise(string connectionString, bool expected)
    {
        await using var db = ReviewsDatabase.CreateDataSource(connectionString);

        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(db.ConnectionString).NoResetOnClose);
    }

    internal static IConfiguration Configure(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    internal static async Task<List<string>> RecordedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return (await connection.QueryAsync<string>("select version from schema_migrations order by version")).ToList();
    }
}
