using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NeverLetMeGo.Api.Infrastructure;
using NeverLetMeGo.Core.Ratings;
using NeverLetMeGo.Data.Works;

namespace NeverLetMeGo.Api.Works;

/// <summary>
/// The rating aggregate from the per-work counters: mean from the exact sum, median and histogram from the tenth-point
/// buckets (every score is a multiple of 0.1, so the median is exact). Contributions are paged best first.
/// </summary>
internal static class WorkRatings
{
    public const double PositiveThreshold = 60;

    public static WorkRatingResponse ToResponse(WorkRatingStatsRow stats, IReadOnlyList<RatingContributionRow> firstPage, string? next) => new(
        stats.WorkId,
        stats.Count,
        stats.Unrated,
        stats.Count == 0 ? null : Math.Round(stats.Total / stats.Count, 2),
        Median(stats),
        stats.Count == 0 ? null : Math.Round(100.0 * stats.Positive / stats.Count, 1),
        Histogram(stats),
        ToResponses(firstPage),
        next is not null,
        next);

    public static IReadOnlyList<RatingContributionResponse> ToResponses(IEnumerable<RatingContributionRow> rows)
        => [.. rows.Select(c => new RatingContributionResponse(c.ReviewId, c.RatingRaw, c.RatingValue, c.RatingScale, c.RatingNormalized, Conversion(c)))];

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

    /// <summary>The middle score, or the mean of the two middle scores: exactly what percentile_cont(0.5) gives over the scores.</summary>
    private static double? Median(WorkRatingStatsRow stats)
    {
        if (stats.Count == 0)
        {
            return null;
        }

        double At(int rank)
        {
            var seen = 0;
            for (var i = 0; i < stats.TenthBuckets.Length; i++)
            {
                seen += stats.TenthBuckets[i];
                if (seen > rank)
                {
                    return i / 10.0;
                }
            }

            return 100;
        }

        return Math.Round((At((stats.Count - 1) / 2) + At(stats.Count / 2)) / 2, 2);
    }

    /// <summary>Ten bins 0–9.9, 10–19.9, … 90–100 (a perfect 100 counts in the last).</summary>
    private static IReadOnlyList<HistogramBinResponse> Histogram(WorkRatingStatsRow stats)
    {
        var bins = new int[10];
        for (var i = 0; i < stats.TenthBuckets.Length; i++)
        {
            bins[Math.Min(9, i / 100)] += stats.TenthBuckets[i];
        }

        return [.. bins.Select((count, b) => new HistogramBinResponse(b * 10, b == 9 ? 100 : b * 10 + 10, count))];
    }

    /// <summary>How a rating as written became its 0–100 score, in words a reader can check.</summary>
    internal static string Conversion(RatingContributionRow c)
    {
        var inv = CultureInfo.InvariantCulture;
        if (GradeLadder.PointsFor(c.RatingRaw) is { } points)
        {
            return string.Create(inv, $"letter grade {c.RatingRaw.Trim()} = {points:0.##} on the published ladder (A+ 100 … F 0)");
        }

        var linear = c.RatingValue / c.RatingScale * 100;
        return Math.Abs(linear - c.RatingNormalized) < 0.06
            ? string.Create(inv, $"{c.RatingValue:0.##} ÷ {c.RatingScale:0.##} × 100 = {c.RatingNormalized:0.#}")
            : string.Create(inv, $"{c.RatingValue:0.##} on a scale from its worst rating to {c.RatingScale:0.##}, rescaled to 0–100 = {c.RatingNormalized:0.#}");
    }
}
