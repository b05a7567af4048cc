using Dapper;
using Npgsql;

namespace NeverLetMeGo.Data.Works;

public sealed partial class WorkQueries(NpgsqlDataSource db)
{
    // The review count comes from the trigger-kept counters (rated + unrated), not count(*): counting a work with
    // 50,000 reviews cost 27-103 ms on every work endpoint (bench/README.md, Performance).
    private const string Columns = """
        w.id, w.title, coalesce(s.rated + s.unrated, 0)::int as review_count, w.created_at
        """;

    private const string From = "works w left join work_rating_stats s on s.work_id = w.id";

    /// <summary>
    /// The work @workId as the first statement of a batch: a work's list page and its feed read it in the same round trip
    /// as their reviews (<see cref="ReadRow"/> reads its row).
    /// </summary>
    internal const string ByIdStatement = $"""
        select {Columns}
        from {From}
        where w.id = @workId;

        """;

    internal static WorkRow ReadRow(System.Data.Common.DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.GetFieldValue<DateTimeOffset>(3));

    /// <summary>Works with at least one review by title, up to limit, strictly after the given id in (title, id) order.</summary>
    public async Task<IReadOnlyList<WorkRow>> ListAsync(int limit, long? afterId, CancellationToken ct)
    {
        // A work whose reviews were all deleted (or re-scraped into another work) keeps its row, with the spoiler terms
        // an operator named for it, but a reader has nothing to open there.
        const string firstPage = $"""
            select {Columns}
            from {From}
            where s.rated + s.unrated > 0
            order by w.title, w.id
            limit @limit
            """;
        // An unknown afterId matches nothing: the comparison with an empty subquery is null.
        const string nextPage = $"""
            select {Columns}
            from {From}
            where s.rated + s.unrated > 0
              and (w.title, w.id) > (select a.title, a.id from works a where a.id = @afterId)
            order by w.title, w.id
            limit @limit
            """;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await db.OpenConnectionAsync(ct);
        var command = afterId is null
            ? new CommandDefinition(firstPage, new { limit }, cancellationToken: ct)
            : new CommandDefinition(nextPage, new { limit, afterId }, cancellationToken: ct);
        var rows = await BufferedRows.ListAsync<WorkRecord>(connection, command);
        return rows.Select(r => r.ToRow()).ToList();
    }

    public async Task<WorkRow?> GetAsync(long id, CancellationToken ct)
    {
        const string sql = $"""
            select {Columns}
            from {From}
            where w.id = @id
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<WorkRecord>(new CommandDefinition(sql, new { id }, cancellationToken: ct));
        return row?.ToRow();
    }

    /// <summary>Count, mean and median of the normalized ratings; unrated reviews are counted apart. An unknown work gives zeros.</summary>
    public async Task<WorkRatingRow> GetRatingAsync(long workId, CancellationToken ct)
    {
        // count(column), avg and percentile_cont all skip nulls, i.e. unrated reviews.
        const string sql = """
            select count(rating_normalized)::int as count,
                   (count(*) - count(rating_normalized))::int as unrated,
                   avg(rating_normalized) as mean,
                   percentile_cont(0.5) within group (order by rating_normalized) as median
            from reviews
            where work_id = @workId
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleAsync<RatingRecord>(new CommandDefinition(sql, new { workId }, cancellationToken: ct));
        return new WorkRatingRow(workId, row.Count, row.Unrated, row.Mean, row.Median);
    }

    private sealed class WorkRecord
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
        public int ReviewCount { get; init; }
        public DateTime CreatedAt { get; init; }

        public WorkRow ToRow() => new(Id, Title, ReviewCount, SqlMapping.Offset(CreatedAt));
    }

    private sealed class RatingRecord
    {
        public int Count { get; init; }
        public int Unrated { get; init; }
        public double? Mean { get; init; }
        public double? Median { get; init; }
    }
}
