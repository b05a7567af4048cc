using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NeverLetMeGo.Api.Infrastructure;
using NeverLetMeGo.Core.Ratings;
using NeverLetMeGo.Data.Works;

namespace NeverLetMeGo.Api.Works;

/// <summary>
/// The rating aggregate as a response: the per-work counters read with Core's rules (RatingStatistics: mean, exact median,
/// histogram, positive share, conversions). Contributions are paged best first.
/// </summary>
internal static class WorkRatings
{
    public static WorkRatingResponse ToResponse(WorkRatingStatsRow stats, IReadOnlyList<RatingContributionRow> firstPage, string? next) => new(
        stats.WorkId,
        stats.Count,
        stats.Unrated,
        RatingStatistics.Mean(stats.Count, stats.Total),
        RatingStatistics.Median(stats.Count, stats.TenthBuckets),
        RatingStatistics.PositivePercent(stats.Count, stats.Positive),
        [.. RatingStatistics.Histogram(stats.TenthBuckets).Select(b => new HistogramBinResponse(b.From, b.To, b.Count))],
        ToResponses(firstPage),
        next is not null,
        next);

    public static IReadOnlyList<RatingContributionResponse> ToResponses(IEnumerable<RatingContributionRow> rows)
        => [.. rows.Select(c => new RatingContributionResponse(
            c.ReviewId, c.RatingRaw, c.RatingValue, c.RatingScale, c.RatingNormalized, RatingStatistics.Conversion(c.RatingRaw, c.RatingValue, c.RatingScale, c.RatingNormalized)))];

    public static string EncodeCursor(RatingContributionRow last)
        => Paging.Encode(string.Create(CultureInfo.InvariantCulture, $"c:{last.RatingNormalized:R}|{last.ReviewId}"));

    public static bool TryDecodeCursor(string cursor, [NotNullWhen(true)] out ContributionCursor? position)
    {
        position = null;
        if (!Paging.TryDecode(cursor, out var raw) || !raw.StartsWith("c:", StringComparison.Ordinal) || raw[2..].Split('|') is not [var score, var id]
            || !double.TryParse(score, NumberStyles.Float, CultureInfo.InvariantCulture, out var normalized) || !double.IsFinite(normalized) || normalized is < 0 or > 100
            || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var reviewId))
        {
            return false;
        }

        position = new ContributionCursor(normalized, reviewId);
        return true;
    }
}
