namespace NeverLetMeGo.Data.Works;

public sealed record WorkRow(long Id, string Title, int ReviewCount, DateTimeOffset CreatedAt);

/// <summary>Aggregate of the normalized (0–100) ratings of a work's reviews; unrated reviews are counted apart, never averaged.</summary>
public sealed record WorkRatingRow(long WorkId, int Count, int Unrated, double? Mean, double? Median);
