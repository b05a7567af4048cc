using System.Collections.Frozen;

namespace NeverLetMeGo.Core.Ratings;

/// <summary>
/// The one place letter grades become numbers. A grade is stored as Value = points on this ladder, Scale = 100, so its
/// normalized score equals its points: A+ 100, A 95, A- 90, B+ 85, B 80, B- 75, C+ 70, C 65, C- 60, D+ 55, D 50, D- 45, F 0.
/// </summary>
public static class GradeLadder
{
    public static IReadOnlyDictionary<string, double> Points { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["A+"] = 100, ["A"] = 95, ["A-"] = 90,
        ["B+"] = 85, ["B"] = 80, ["B-"] = 75,
        ["C+"] = 70, ["C"] = 65, ["C-"] = 60,
        ["D+"] = 55, ["D"] = 50, ["D-"] = 45,
        ["F"] = 0,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Points for a grade as written ("B+", "b +", "A−" with a minus sign or dash); null if it is not on the ladder.</summary>
    public static double? PointsFor(string grade)
    {
        var key = grade.Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace('\u2212', '-').Replace('\u2013', '-').Replace('\u2014', '-')
            .ToUpperInvariant();
        return Points.TryGetValue(key, out var points) ? points : null;
    }
}
