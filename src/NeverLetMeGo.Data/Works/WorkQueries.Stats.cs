using Dapper;

namespace NeverLetMeGo.Data.Works;

/// <summary>
/// The rating aggregate from work_rating_stats, which a trigger keeps current on every insert, update and delete of a
/// review: one row read, whatever the number of reviews.
/// </summary>
public sealed record WorkRatingStatsRow(long WorkId, int Count, int Unrated, int Positive, double Total, int[] HalfPointBuckets);

/// <summary>A rated review as it contributes to the aggregate.</summary>
public sealed record RatingContributionRow(long ReviewId, string RatingRaw, double RatingValue, double RatingScale, double RatingNormalized);

public sealed partial class WorkQueries
{
    public async Task<WorkRatingStatsRow> GetRatingStatsAsync(long workId, CancellationToken ct)
    {
        const string sql = """
            select rated as count, unrated, positive, total, buckets
            from work_rating_stats
            where work_id = @workId
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<StatsRecord>(new CommandDefinition(sql, new { workId }, cancellationToken: ct));
        return row is null
            ? new WorkRatingStatsRow(workId, 0, 0, 0, 0, new int[201])
            : new WorkRatingStatsRow(workId, row.Count, row.Unrated, row.Positive, row.Total, row.Buckets);
    }

    /// <summary>The rated reviews of a work, best first, up to limit.</summary>
    public async Task<IReadOnlyList<RatingContributionRow>> GetRatingContributionsAsync(long workId, int limit, CancellationToken ct)
    {
        const string sql = """
            select id as review_id, rating_raw, rating_value, rating_scale, rating_normalized
            from reviews
            where work_id = @workId and rating_normalized is not null
            order by rating_normalized desc, id desc
            limit @limit
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<ContributionRecord>(new CommandDefinition(sql, new { workId, limit }, cancellationToken: ct));
        return rows.Select(r => new RatingContributionRow(r.ReviewId, r.RatingRaw ?? "", r.RatingValue, r.RatingScale, r.RatingNormalized)).ToList();
    }

    private sealed class StatsRecord
    {
        public int Count { get; init; }
        public int Unrated { get; init; }
        public int Positive { get; init; }
        public double Total { get; init; }
        public int[] Buckets { get; init; } = [];
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
