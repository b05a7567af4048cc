using System.Data.Common;
using Dapper;
using Npgsql;

namespace NeverLetMeGo.Data;

/// <summary>
/// The result sets of one command, each row read whole (asynchronously) before Dapper maps it. Dapper's own async queries
/// read with CommandBehavior.SequentialAccess, where a row that crosses Npgsql's read buffer is finished by a synchronous
/// socket read inside the row mapper: on a list of reviews, a thread-pool thread blocked on PostgreSQL for every 8 KB
/// (a fifth of the API's sampled thread time on GET /works/{id}/reviews, bench/README.md, Performance).
/// </summary>
internal sealed class BufferedRows : IAsyncDisposable
{
    private readonly DbDataReader _reader;
    private readonly CancellationToken _ct;
    private bool _started;

    private BufferedRows(DbDataReader reader, CancellationToken ct) => (_reader, _ct) = (reader, ct);

    public static async Task<BufferedRows> QueryAsync(NpgsqlConnection connection, CommandDefinition command)
        => new(await connection.ExecuteReaderAsync(command), command.CancellationToken);

    /// <summary>The rows of one statement's result.</summary>
    public static async Task<List<T>> ListAsync<T>(NpgsqlConnection connection, CommandDefinition command)
    {
        await using var rows = await QueryAsync(connection, command);
        return await rows.ReadAsync<T>();
    }

    /// <summary>The next result set's rows.</summary>
    public Task<List<T>> ReadAsync<T>()
        // Dapper's row parser maps rows to objects; a single column of a plain type is read as it is.
        => ReadAsync<T>(typeof(T) == typeof(string) || typeof(T).IsPrimitive ? r => r.GetFieldValue<T>(0) : null);

    /// <summary>
    /// The next result set's rows, each mapped by <paramref name="map"/> with typed getters: for the hottest reads, where
    /// Dapper's parser boxed every column of every row (a review's 10–60 blocks).
    /// </summary>
    public async Task<List<T>> ReadAsync<T>(Func<DbDataReader, T>? map)
    {
        if (_started && !await _reader.NextResultAsync(_ct))
            throw new InvalidOperationException("The command returned fewer result sets than were read.");
        _started = true;
        var list = new List<T>();
        var parse = map ?? _reader.GetRowParser<T>();
        while (await _reader.ReadAsync(_ct))
            list.Add(parse(_reader));
        return list;
    }

    /// <summary>The next result set's only row, or null when it has none.</summary>
    public async Task<T?> ReadSingleOrDefaultAsync<T>() where T : class
    {
        var list = await ReadAsync<T>();
        return list.Count switch
        {
            0 => null,
            1 => list[0],
            _ => throw new InvalidOperationException($"Expected at most one row, got {list.Count}."),
        };
    }

    public ValueTask DisposeAsync() => _reader.DisposeAsync();
}
