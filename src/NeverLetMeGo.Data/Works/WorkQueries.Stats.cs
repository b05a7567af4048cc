using Dapper;

namespace NeverLetMeGo.Data.Works;

/// <summary>
/// The rating aggregate from work_rating_stats, which a trigger keeps current on every insert, update and delete of a
/// review: one row read, whatever the number of reviews. <see cref="TenthBuckets"/>[i] counts the scores equal to i / 10,
/// which is every score there is (migration 0006 holds scores to one decimal).
/// </summary>
public sealed record WorkRatingStatsRow(long WorkId, int Count, int Unrated, int Positive, double Total, int[] TenthBuckets)
{
    public const int Buckets = 1001;
}

/// <summary>A rated review as it contributes to the aggregate.</summary>
public sealed record RatingContributionRow(long ReviewId, string RatingRaw, double RatingValue, double RatingScale, double RatingNormalized);

/// <summary>
/// What the rating endpoint shows: the work's counters and its first contributions, read in one round trip, with the
/// counters' version (see <see cref="WorkQueries.GetRatingVersionAsync"/>).
/// </summary>
public sealed record WorkRatingPage(WorkRatingStatsRow Stats, IReadOnlyList<RatingContributionRow> Contributions, long Version);

/// <summary>Keyset position in a work's contributions (best first): strictly after this score and review id.</summary>
public sealed record ContributionCursor(double Normalized, long ReviewId);

public sealed partial class WorkQueries
{
    // First and later pages are separate statements, so each prepared statement keeps a plan that walks the covering index.
    private const string ContributionsSql = """
        select id as review_id, rating_raw, rating_value, rating_scale, rating_normalized
        from reviews
        where work_id = @workId and rating_normalized is not null
        order by rating_normalized desc, id desc
        limit @limit
        """;

    private const string ContributionsAfterSql = """
        select id as review_id, rating_raw, rating_value, rating_scale, rating_normalized
        from reviews
        where work_id = @workId and rating_normalized is not null
          and (rating_normalized, id) < (@afterScore::double precision, @afterId)
        order by rating_normalized desc, id desc
        limit @limit
        """;

    /// <summary>
    /// The version of a work's rating (null when there is no such work): a counter the rating trigger bumps on every
    /// change to the work's rated or unrated reviews (migration 0009), 0 before its first review. Equal versions mean an
    /// equal aggregate and equal contributions, so a rendered rating can be reused after this one primary-key read.
    /// </summary>
    public async Task<long?> GetRatingVersionAsync(long workId, CancellationToken ct)
    {
        const string sql = "select coalesce(s.version, 0) from works w left join work_rating_stats s on s.work_id = w.id where w.id = @workId";
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(sql, new { workId }, cancellationToken: ct));
    }

    /// <summary>The work's rating counters and its best contributions up to limit; null when there is no such work.</summary>
    public async Task<WorkRatingPage?> GetRatingPageAsync(long workId, int limit, CancellationToken ct)
    {
        const string sql = $"""
            select w.id, s.rated as count, s.unrated, s.positive, s.total, s.tenths, coalesce(s.version, 0) as version
            from {From}
            where w.id = @workId;

            {ContributionsSql};
            """;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var grid = await BufferedRows.QueryAsync(connection, new CommandDefinition(sql, new { workId, limit }, cancellationToken: ct));
        var work = await grid.ReadSingleOrDefaultAsync<RatedWorkRecord>();
        var contributions = await grid.ReadAsync<ContributionRecord>();
        if (work is null)
            return null;
        return new WorkRatingPage(ToStats(work), contributions.Select(ToRow).ToList(), work.Version);
    }

    /// <summary>The rated reviews of a work, best first (ties by newer id), up to limit, strictly after the cursor.</summary>
    public async Task<IReadOnlyList<RatingContributionRow>> GetRatingContributionsAsync(long workId, int limit, ContributionCursor? after, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await db.OpenConnectionAsync(ct);
        var args = new { workId, limit, afterScore = after?.Normalized, afterId = after?.ReviewId };
        var rows = await BufferedRows.ListAsync<ContributionRecord>(connection, new CommandDefinition(after is null ? ContributionsSql : ContributionsAfterSql, args, cancellationToken: ct));
        return rows.Select(ToRow).ToList();
    }

    private static WorkRatingStatsRow ToStats(RatedWorkRecord w) => w.Tenths is null
        ? new WorkRatingStatsRow(w.Id, 0, 0, 0, 0, new int[WorkRatingStatsRow.Buckets])
        : new WorkRatingStatsRow(w.Id, w.Count, w.Unrated, w.Positive, w.Total, w.Tenths);

    private static RatingContributionRow ToRow(ContributionRecord r) => new(r.ReviewId, r.RatingRaw ?? "", r.RatingValue, r.RatingScale, r.RatingNormalized);

    /// <summary>A work with its rating counters (null when no review of it was ever counted).</summary>
    private sealed class RatedWorkRecord
    {
        public long Id { get; init; }
        public int Count { get; init; }
        public int Unrated { get; init; }
        public int Positive { get; init; }
        public double Total { get; init; }
        public int[]? Tenths { get; init; }
        public long Version { get; init; }
    }

    private sealed class ContributionRecord
    {
        public long ReviewId { get; init; }
        public string? RatingRaw { get; init; }
        public double RatingValue { get; init; }
        public double RatingScale { get; init; }
        public double RatingNormalized { get; init; }
    }
}
