using Dapper;
using Npgsql;

namespace NeverLetMeGo.Data.Politeness;

/// <summary>robots.txt as last fetched for an origin: the body (null when absent) and the HTTP status.</summary>
public sealed record CachedRobots(string? Text, int Status, DateTimeOffset FetchedAt);

/// <summary>
/// The per-origin politeness budget shared by every worker (scrape_hosts): one request at a time, held as a lease,
/// and no request before next_allowed_at. Times are the database's clock, so workers on several machines agree.
/// </summary>
public sealed class HostBudget(NpgsqlDataSource db)
{
    /// <summary>
    /// Takes the origin for this worker when it is free and due; otherwise returns how long until it is due, zero when it is
    /// due but held by another request (a hold ends when that request does, long before the hold's own bound).
    /// </summary>
    public async Task<TimeSpan?> TryAcquireAsync(string origin, string workerId, TimeSpan hold, CancellationToken ct)
    {
        // One round trip on the usual path: a new origin is inserted already taken, a known one taken when free and due.
        const string take = """
            insert into scrape_hosts as h (origin, busy_by, busy_until, updated_at)
            values (@origin, @workerId, clock_timestamp() + interval '1 second' * @hold, clock_timestamp())
            on conflict (origin) do update set busy_by = excluded.busy_by, busy_until = excluded.busy_until, updated_at = excluded.updated_at
            where (h.busy_until is null or h.busy_until < clock_timestamp())
              and h.next_allowed_at <= clock_timestamp()
            """;
        const string wait = """
            select extract(epoch from greatest(next_allowed_at, clock_timestamp()) - clock_timestamp())::float8
            from scrape_hosts where origin = @origin
            """;
        var args = new { origin, workerId, hold = hold.TotalSeconds };
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(take, args, cancellationToken: ct)) == 1)
            return null;
        var seconds = await connection.ExecuteScalarAsync<double?>(new CommandDefinition(wait, args, cancellationToken: ct)) ?? 0;
        return TimeSpan.FromSeconds(Math.Max(0, seconds));
    }

    /// <summary>Frees the origin; the next request may start after <paramref name="delay"/> (or later, when already set so).</summary>
    public async Task ReleaseAsync(string origin, string workerId, TimeSpan delay, CancellationToken ct)
    {
        const string sql = """
            update scrape_hosts set
                busy_by = null, busy_until = null, updated_at = clock_timestamp(),
                next_allowed_at = greatest(next_allowed_at, clock_timestamp() + interval '1 second' * @delay)
            where origin = @origin and busy_by = @workerId
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { origin, workerId, delay = delay.TotalSeconds }, cancellationToken: ct));
    }

    /// <summary>Holds every worker off the origin for <paramref name="delay"/> from now (429/503 with Retry-After).</summary>
    public async Task SlowDownAsync(string origin, TimeSpan delay, CancellationToken ct)
    {
        const string sql = """
            insert into scrape_hosts (origin, next_allowed_at) values (@origin, clock_timestamp() + interval '1 second' * @delay)
            on conflict (origin) do update set
                next_allowed_at = greatest(scrape_hosts.next_allowed_at, excluded.next_allowed_at), updated_at = clock_timestamp()
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { origin, delay = delay.TotalSeconds }, cancellationToken: ct));
    }

    /// <summary>The cached robots.txt when fetched less than <paramref name="maxAge"/> ago; null when it must be fetched.</summary>
    public async Task<CachedRobots?> GetRobotsAsync(string origin, TimeSpan maxAge, CancellationToken ct)
    {
        const string sql = """
            select robots_txt, robots_status, robots_fetched_at
            from scrape_hosts
            where origin = @origin and robots_fetched_at > clock_timestamp() - interval '1 second' * @maxAge
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<RobotsRow>(new CommandDefinition(sql, new { origin, maxAge = maxAge.TotalSeconds }, cancellationToken: ct));
        return row is null ? null : new CachedRobots(row.RobotsTxt, row.RobotsStatus, SqlMapping.Offset(row.RobotsFetchedAt));
    }

    public async Task SaveRobotsAsync(string origin, string? text, int status, CancellationToken ct)
    {
        const string sql = """
            insert into scrape_hosts (origin, robots_txt, robots_status, robots_fetched_at)
            values (@origin, @text, @status, clock_timestamp())
            on conflict (origin) do update set
                robots_txt = excluded.robots_txt, robots_status = excluded.robots_status,
                robots_fetched_at = excluded.robots_fetched_at, updated_at = clock_timestamp()
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { origin, text, status }, cancellationToken: ct));
    }

    private sealed class RobotsRow
    {
        public string? RobotsTxt { get; init; }
        public int RobotsStatus { get; init; }
        public DateTime RobotsFetchedAt { get; init; }
    }
}
