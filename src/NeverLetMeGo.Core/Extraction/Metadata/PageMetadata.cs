namespace NeverLetMeGo.Core.Extraction.Metadata;

/// <summary>
/// Resolved page metadata; <see cref="Title"/> has any " | Site" suffix removed. <see cref="Rating"/> is JSON-LD's
/// reviewRating, else the rating the markup shows at the review's head (<see cref="ShownRating"/>).
/// </summary>
internal sealed record PageMetadata
{
    public required string Url { get; init; }
    public required string? Title { get; init; }
    public required string? Author { get; init; }
    public required DateTimeOffset? PublishedAt { get; init; }
    public required string SiteName { get; init; }
    public required string? Language { get; init; }
    public required string? ItemReviewed { get; init; }
    public required JsonLdRating? Rating { get; init; }
}
