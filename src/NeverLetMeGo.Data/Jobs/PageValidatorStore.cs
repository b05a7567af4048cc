using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace NeverLetMeGo.Data.Jobs;

/// <summary>What the last successful fetch of a URL left behind for the next one (page_validators).</summary>
public sealed record StoredValidators(string? ETag, string? LastModified, string? ContentHash, long? ReviewId);

/// <summary>HTTP validators and body hash per fetched URL: re-scrapes send a conditional GET and skip unchanged bodies.</summary>
public sealed class PageValidatorStore(NpgsqlDataSource db)
{
    public async Task<StoredValidators?> GetAsync(string url, CancellationToken ct)
    {
        const string sql = "select etag, last_modified, content_hash, review_id from page_validators where url = @url";
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(sql, new { url }, cancellationToken: ct));
        return row is null ? null : new StoredValidators(row.Etag, row.LastModified, row.ContentHash, row.ReviewId);
    }

    public async Task SaveAsync(string url, StoredValidators validators, DateTimeOffset checkedAt, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { SaveCommand(url, validators, checkedAt) } };
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The upsert of <see cref="SaveAsync"/>, to run in another batch (a job's completion).</summary>
    internal static NpgsqlBatchCommand SaveCommand(string url, StoredValidators validators, DateTimeOffset checkedAt)
    {
        const string sql = """
            insert into page_validators (url, etag, last_modified, content_hash, review_id, checked_at)
            values (@url, @etag, @lastModified, @contentHash, @reviewId, @checkedAt)
            on conflict (url) do update set
                etag = excluded.etag, last_modified = excluded.last_modified, content_hash = excluded.content_hash,
                review_id = excluded.review_id, checked_at = excluded.checked_at
            """;
        return new NpgsqlBatchCommand(sql)
        {
            Parameters =
            {
                new NpgsqlParameter<string>("url", url),
                new NpgsqlParameter("etag", NpgsqlDbType.Text) { Value = (object?)validators.ETag ?? DBNull.Value },
                new NpgsqlParameter("lastModified", NpgsqlDbType.Text) { Value = (object?)validators.LastModified ?? DBNull.Value },
                new NpgsqlParameter("contentHash", NpgsqlDbType.Text) { Value = (object?)validators.ContentHash ?? DBNull.Value },
                new NpgsqlParameter("reviewId", NpgsqlDbType.Bigint) { Value = (object?)validators.ReviewId ?? DBNull.Value },
                new NpgsqlParameter<DateTimeOffset>("checkedAt", checkedAt.ToUniversalTime()),
            },
        };
    }

    private sealed class Row
    {
        public string? Etag { get; init; }
        public string? LastModified { get; init; }
        public string? ContentHash { get; init; }
        public long? ReviewId { get; init; }
    }
}
