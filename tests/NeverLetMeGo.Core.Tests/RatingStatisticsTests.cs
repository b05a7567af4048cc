using NeverLetMeGo.Core.Ratings;

namespace NeverLetMeGo.Core.Tests;

public sealed class RatingStatisticsTests
{
    private static int[] Tenths(params double[] scores)
    {
        var tenths = new int[RatingStatistics.TenthBuckets];
        foreach (var s in scores)
            tenths[(int)Math.Round(s * 10)]++;
        return tenths;
    }

    [Theory]
    [InlineData(new[] { 70.0 }, 70.0)]
    [InlineData(new[] { 10.0, 20.5 }, 15.25)]
    [InlineData(new[] { 100.0, 0.0, 50.0 }, 50.0)]
    public void The_median_is_exact_from_tenth_point_counters(double[] scores, double median)
        => Assert.Equal(median, RatingStatistics.Median(scores.Length, Tenths(scores)));

    [Fact]
    public void The_histogram_has_ten_bins_and_a_perfect_score_counts_in_the_last()
    {
        var bins = RatingStatistics.Histogram(Tenths(0, 9.9, 10, 99.9, 100));

        Assert.Equal(10, bins.Count);
        Assert.Equal(new HistogramBin(0, 10, 2), bins[0]);
        Assert.Equal(new HistogramBin(10, 20, 1), bins[1]);
        Assert.Equal(new HistogramBin(90, 100, 2), bins[9]);
    }

    [Fact]
    public void No_rating_has_no_mean_median_or_share()
    {
        Assert.Null(RatingStatistics.Mean(0, 0));
        Assert.Null(RatingStatistics.Median(0, Tenths()));
        Assert.Null(RatingStatistics.PositivePercent(0, 0));
        Assert.Equal(66.7, RatingStatistics.PositivePercent(3, 2));
    }

    [Fact]
    public void A_conversion_says_how_a_rating_became_its_score()
    {
        Assert.Equal("7 ÷ 10 × 100 = 70", RatingStatistics.Conversion("7/10", 7, 10, 70));
        Assert.Equal("2 on a scale from its worst rating to 5, rescaled to 0–100 = 25", RatingStatistics.Conversion("2/5", 2, 5, 25));
        Assert.StartsWith("letter grade B+ = ", RatingStatistics.Conversion("B+", 3.3, 4.3, 88), StringComparison.Ordinal);
    }
}
