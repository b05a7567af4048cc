using Dapper;
using NeverLetMeGo.Data.Postgres;
using Npgsql;

namespace NeverLetMeGo.Data.Tests;

/// <summary>Starting, reusing and stopping the private cluster; each test runs its own in a fresh folder.</summary>
public sealed class EmbeddedPostgresTests : IAsyncLifetime
{
    private readonly ClusterFolder folder = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await folder.DisposeAsync();

    [Fact]
    public async Task Starting_twice_on_the_same_folder_reuses_the_running_cluster()
    {
        var first = await folder.StartAsync();
        var postmaster = PostmasterPid(first);
        var logger = new ListLogger();

        var second = await folder.StartAsync(logger);

        Assert.Equal(first.ConnectionString, second.ConnectionString);
        Assert.Equal(postmaster, PostmasterPid(second));
        Assert.Contains(logger.Messages, m => m.StartsWith("Reusing the running embedded PostgreSQL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_starts_at_the_same_moment_share_one_new_cluster()
    {
        var both = await Task.WhenAll(folder.StartAsync(), folder.StartAsync());

        Assert.Equal(PostmasterPid(both[0]), PostmasterPid(both[1]));
        Assert.Equal(1, await ScalarAsync<int>(both[1].ConnectionString, "select 1"));
    }

    [Fact]
    public async Task Data_survives_a_stop_and_a_restart()
    {
        var postgres = await folder.StartAsync();
        await using (var connection = new NpgsqlConnection(postgres.ConnectionString))
            await connection.ExecuteAsync("create table kept (note text); insert into kept values ('Hailsham')");

        Assert.True(await postgres.StopAsync(CancellationToken.None));
        Assert.False((await postgres.GetStatusAsync(CancellationToken.None)).Running);
        Assert.False(await postgres.StopAsync(CancellationToken.None));
        var again = await folder.StartAsync();

        Assert.Equal("Hailsham", await ScalarAsync<string>(again.ConnectionString, "select note from kept"));
        Assert.True((await again.GetStatusAsync(CancellationToken.None)).Running);
    }

    internal static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }

    private static string PostmasterPid(EmbeddedPostgres postgres) =>
        File.ReadLines(Path.Combine(postgres.ClusterDirectory, "postmaster.pid")).First();
}
