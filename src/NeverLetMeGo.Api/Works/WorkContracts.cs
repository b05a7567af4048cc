namespace NeverLetMeGo.Api.Works;

/// <summary>A film or book that has reviews.</summary>
public sealed record WorkResponse(long Id, string Title, int ReviewCount);

public sealed record WorkListResponse(IReadOnlyList<WorkResponse> Items, string? Next);

/// <summary>Aggregate of normalized (0–100) ratings; unrated reviews are counted apart and never averaged in.</summary>
public sealed record WorkRatingResponse(long WorkId, int Count, int Unrated, double? Mean, double? Median);
