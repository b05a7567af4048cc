namespace NeverLetMeGo.Api.Works;

/// <summary>A film or book that has reviews.</summary>
public sealed record WorkResponse(long Id, string Title, int ReviewCount);

public sealed record WorkListResponse(IReadOnlyList<WorkResponse> Items, string? Next);

/// <summary>How many rated reviews scored from <c>From</c> up to (not including) <c>To</c>; the last bin includes 100.</summary>
public sealed record HistogramBinResponse(int From, int To, int Count);

/// <summary>One rated review: its rating as written, its normalized score and the conversion used.</summary>
public sealed record RatingContributionResponse(long ReviewId, string Raw, double Value, double Scale, double Normalized, string Conversion);

/// <summary>A page of a work's rating contributions, best first.</summary>
public sealed record RatingContributionListResponse(long WorkId, IReadOnlyList<RatingContributionResponse> Items, string? Next);

/// <summary>
/// Aggregate of normalized (0–100) ratings; unrated reviews are counted apart and never averaged in. <c>PercentPositive</c>
/// is the share of rated reviews scoring 60 or more. <c>Contributions</c> is the first page of the contributions;
/// <c>ContributionsNext</c> continues it on the contributions route.
/// </summary>
public sealed record WorkRatingResponse(
    long WorkId,
    int Count,
    int Unrated,
    double? Mean,
    double? Median,
    double? PercentPositive,
    IReadOnlyList<HistogramBinResponse> Histogram,
    IReadOnlyList<RatingContributionResponse> Contributions,
    bool ContributionsTruncated,
    string? ContributionsNext);
