using System.Globalization;

namespace NeverLetMeGo.Core.Ratings;

/// <summary>One bin of a work's rating histogram: scores from <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record HistogramBin(int From, int To, int Count);

/// <summary>
/// The rating rules a work's aggregate is read with: what counts as positive, the mean, the exact median and the
/// histogram from tenth-point counters, and how a rating as written became its 0–100 score.
/// </summary>
public static class RatingStatistics
{
    /// <summary>A normalized score at or above this is a positive review.</summary>
    public const double PositiveThreshold = 60;

    /// <summary>Counters per tenth of a point: 0.0, 0.1, … 100.0 (every normalized score is a multiple of 0.1).</summary>
    public const int TenthBuckets = 1001;

    private const int Bins = 10;

    public static bool IsPositive(double normalized) => normalized >= PositiveThreshold;

    public static double? Mean(int count, double total) => count == 0 ? null : Math.Round(total / count, 2);

    public static double? PositivePercent(int count, int positive) => count == 0 ? null : Math.Round(100.0 * positive / count, 1);

    /// <summary>The middle score, or the mean of the two middle scores: exactly what percentile_cont(0.5) gives over the scores.</summary>
    public static double? Median(int count, IReadOnlyList<int> tenths)
    {
        if (count == 0)
            return null;

        double At(int rank)
        {
            var seen = 0;
            for (var i = 0; i < tenths.Count; i++)
            {
                seen += tenths[i];
                if (seen > rank)
                    return i / 10.0;
            }

            return 100;
        }

        return Math.Round((At((count - 1) / 2) + At(count / 2)) / 2, 2);
    }

    /// <summary>Ten bins 0–9.9, 10–19.9, … 90–100 (a perfect 100 counts in the last).</summary>
    public static IReadOnlyList<HistogramBin> Histogram(IReadOnlyList<int> tenths)
    {
        var bins = new int[Bins];
        for (var i = 0; i < tenths.Count; i++)
            bins[Math.Min(Bins - 1, i / 100)] += tenths[i];
        return [.. bins.Select((count, b) => new HistogramBin(b * 10, b == Bins - 1 ? 100 : b * 10 + 10, count))];
    }

    /// <summary>How a rating as written became its 0–100 score, in words a reader can check.</summary>
    public static string Conversion(string raw, double value, double scale, double normalized)
    {
        var inv = CultureInfo.InvariantCulture;
        if (GradeLadder.PointsFor(raw) is { } points)
            return string.Create(inv, $"letter grade {raw.Trim()} = {points:0.##} on the published ladder (A+ 100 … F 0)");

        var linear = value / scale * 100;
        return Math.Abs(linear - normalized) < 0.06
            ? string.Create(inv, $"{value:0.##} ÷ {scale:0.##} × 100 = {normalized:0.#}")
            : string.Create(inv, $"{value:0.##} on a scale from its worst rating to {scale:0.##}, rescaled to 0–100 = {normalized:0.#}");
    }
}
