using System.Globalization;
using NeverLetMeGo.Core.Ratings;
using NeverLetMeGo.Data.Works;

namespace NeverLetMeGo.Api.Works;

/// <summary>The rating aggregate from the per-work counters: mean from the exact sum, median and histogram from the half-point buckets.</summary>
internal static class WorkRatings
{
    public const int ContributionLimit = 200;
    public const double PositiveThreshold = 60;

    public static WorkRatingResponse ToResponse(WorkRatingStatsRow stats, IReadOnlyList<RatingContributionRow> contributions) => new(
        stats.WorkId,
        stats.Count,
        stats.Unrated,
        stats.Count == 0 ? null : Math.Round(stats.Total / stats.Count, 2),
        Median(stats),
        stats.Count == 0 ? null : Math.Round(100.0 * stats.Positive / stats.Count, 1),
        Histogram(stats),
        [.. contributions.Select(c => new RatingContributionResponse(c.ReviewId, c.RatingRaw, c.RatingValue, c.RatingScale, c.RatingNormalized, Conversion(c)))],
        contributions.Count < stats.Count);

    /// <summary>Median at half-point resolution (exact for every supported scale but odd ladders), averaging the two middle scores.</summary>
    private static double? Median(WorkRatingStatsRow stats)
    {
        if (stats.Count == 0)
        {
            return null;
        }

        double At(int rank)
        {
            var seen = 0;
            for (var i = 0; i < stats.HalfPointBuckets.Length; i++)
            {
                seen += stats.HalfPointBuckets[i];
                if (seen > rank)
                {
                    return i / 2.0;
                }
            }

            return 100;
        }

        return (At((stats.Count - 1) / 2) + At(stats.Count / 2)) / 2;
    }

    /// <summary>Ten bins 0–9.5, 10–19.5, … 90–100 (a perfect 100 counts in the last).</summary>
    private static IReadOnlyList<HistogramBinResponse> Histogram(WorkRatingStatsRow stats)
    {
        var bins = new int[10];
        for (var i = 0; i < stats.HalfPointBuckets.Length; i++)
        {
            bins[Math.Min(9, i / 20)] += stats.HalfPointBuckets[i];
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
