namespace NeverLetMeGo.Core.Extraction.Metadata;

/// <summary>Resolved page metadata; <see cref="Title"/> has any " | Site" suffix removed.</summary>
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
