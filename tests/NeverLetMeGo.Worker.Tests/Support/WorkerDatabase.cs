using NeverLetMeGo.Testing;
using Npgsql;

namespace NeverLetMeGo.Worker.Tests.Support;

/// <summary>A fresh migrated database per test class; settings point `nlmg` at it.</summary>
public sealed class WorkerDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync() => ConnectionString = await PostgresServer.CreateDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>ConnectionStrings:Reviews plus any extra keys (e.g. Scraper:MaxAttempts).</summary>
    public IReadOnlyDictionary<string, string?> Settings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Reviews"] = ConnectionString };
        foreach (var (key, value) in extra)
            settings[key] = value;
        return settings;
    }

    public NpgsqlDataSource OpenDataSource() => NpgsqlDataSource.Create(ConnectionString);

    public async Task ExecuteAsync(string sql)
    {
        await using var db = OpenDataSource();
        await using var command = db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var db = OpenDataSource();
        await using var command = db.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
