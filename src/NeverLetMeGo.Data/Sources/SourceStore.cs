using Dapper;
using Npgsql;

namespace NeverLetMeGo.Data.Sources;

public static class SourceKinds
{
    public const string Sitemap = "sitemap";
    public const string Feed = "feed";

    public static IReadOnlyList<string> All { get; } = [Sitemap, Feed];
}

/// <summary>A sitemap or feed whose entries become scrape jobs.</summary>
public sealed record ScrapeSource
{
    public required long Id { get; init; }
    public required string Url { get; init; }
    public required string Kind { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset? LastPolledAt { get; init; }
    public required string? LastError { get; init; }
    public required int EntryCount { get; init; }
}

/// <summary>scrape_sources and the entries already queued from each.</summary>
public sealed class SourceStore(NpgsqlDataSource db)
{
    private const string Columns = "id, url, kind, created_at, last_polled_at, last_error, entry_count";

    /// <summary>Registers the source, or returns the one already registered for the URL (Created false).</summary>
    public async Task<(ScrapeSource Source, bool Created)> AddAsync(string url, string kind, CancellationToken ct)
    {
        const string insert = $"insert into scrape_sources (url, kind) values (@url, @kind) on conflict (url) do nothing returning {Columns}";
        const string existing = $"select {Columns} from scrape_sources where url = @url";
        await using var connection = await db.OpenConnectionAsync(ct);
        var created = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(insert, new { url, kind }, cancellationToken: ct));
        if (created is not null)
            return (created.ToSource(), true);
        var row = await connection.QuerySingleAsync<Row>(new CommandDefinition(existing, new { url }, cancellationToken: ct));
        return (row.ToSource(), false);
    }

    public async Task<IReadOnlyList<ScrapeSource>> ListAsync(CancellationToken ct)
    {
        const string sql = $"select {Columns} from scrape_sources order by id";
        await using var connection = await db.OpenConnectionAsync(ct);
        return [.. (await connection.QueryAsync<Row>(new CommandDefinition(sql, cancellationToken: ct))).Select(r => r.ToSource())];
    }

    public async Task<bool> RemoveAsync(long id, CancellationToken ct)
    {
        const string sql = "delete from scrape_sources where id = @id";
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id }, cancellationToken: ct)) == 1;
    }

    /// <summary>Takes the next source not polled within <paramref name="interval"/> and marks it polled now (one worker per source).</summary>
    public async Task<ScrapeSource?> ClaimDueAsync(TimeSpan interval, CancellationToken ct)
    {
        const string sql = $"""
            update scrape_sources set last_polled_at = clock_timestamp()
            where id = (
                select id from scrape_sources
                where last_polled_at is null or last_polled_at < clock_timestamp() - interval '1 second' * @seconds
                order by last_polled_at nulls first, id
                for update skip locked
                limit 1)
            returning {Columns}
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(sql, new { seconds = interval.TotalSeconds }, cancellationToken: ct));
        return row?.ToSource();
    }

    /// <summary>Records the entries; returns those never seen before from this source, in the order given.</summary>
    public async Task<IReadOnlyList<string>> AddEntriesAsync(long sourceId, IReadOnlyList<string> urls, CancellationToken ct)
    {
        const string sql = """
            insert into scrape_source_entries (source_id, url)
            select @sourceId, u from unnest(@urls) as u
            on conflict do nothing
            returning url
            """;
        const string count = """
            update scrape_sources set last_error = null,
                entry_count = (select count(*) from scrape_source_entries where source_id = @sourceId)
            where id = @sourceId
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        var added = (await connection.QueryAsync<string>(new CommandDefinition(sql, new { sourceId, urls = urls.Distinct(StringComparer.Ordinal).ToArray() }, cancellationToken: ct)))
            .ToHashSet(StringComparer.Ordinal);
        await connection.ExecuteAsync(new CommandDefinition(count, new { sourceId }, cancellationToken: ct));
        return [.. urls.Distinct(StringComparer.Ordinal).Where(added.Contains)];
    }

    public async Task RecordErrorAsync(long sourceId, string error, CancellationToken ct)
    {
        const string sql = "update scrape_sources set last_error = @error where id = @sourceId";
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { sourceId, error }, cancellationToken: ct));
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public string Url { get; init; } = "";
        public string Kind { get; init; } = "";
        public DateTime CreatedAt { get; init; }
        public DateTime? LastPolledAt { get; init; }
        public string? LastError { get; init; }
        public int EntryCount { get; init; }

        public ScrapeSource ToSource() => new()
        {
            Id = Id,
            Url = Url,
            Kind = Kind,
            CreatedAt = SqlMapping.Offset(CreatedAt),
            LastPolledAt = SqlMapping.Offset(LastPolledAt),
            LastError = LastError,
            EntryCount = EntryCount,
        };
    }
}
