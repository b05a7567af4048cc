using Npgsql;
using Xunit;

namespace NeverLetMeGo.Testing;

/// <summary>A migrated database of its own for one test class: <c>IClassFixture&lt;PostgresDatabase&gt;</c>.</summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private NpgsqlDataSource? dataSource;
    private string? connectionString;

    public string ConnectionString => connectionString ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    public NpgsqlDataSource DataSource => dataSource ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    public async Task InitializeAsync()
    {
        connectionString = await PostgresServer.CreateDatabaseAsync();
        dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public async Task DisposeAsync()
    {
        if (dataSource is not null)
            await dataSource.DisposeAsync();
        if (connectionString is not null)
            await PostgresServer.DropDatabaseAsync(connectionString);
    }
}
