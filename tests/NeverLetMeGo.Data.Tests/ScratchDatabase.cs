using NeverLetMeGo.Testing;
using Npgsql;

namespace NeverLetMeGo.Data.Tests;

/// <summary>A database for one test, dropped afterwards (when the server is a shared one).</summary>
internal sealed class ScratchDatabase : IAsyncDisposable
{
    private ScratchDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Migrated (cloned from the template) unless <paramref name="empty"/>.</summary>
    public static async Task<ScratchDatabase> CreateAsync(bool empty = false) =>
        new(empty ? await PostgresServer.CreateEmptyDatabaseAsync() : await PostgresServer.CreateDatabaseAsync());

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(ConnectionString);
    }
}
