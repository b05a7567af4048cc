using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Data.Reviews;

/// <summary>The columns of one reviews row, as Dapper parameters.</summary>
internal sealed record ReviewValues
{
    public long Id { get; init; }
    public required long WorkId { get; init; }
    public required long SiteId { get; init; }
    public required string Url { get; init; }
    public required string? Title { get; init; }
    public required string? Author { get; init; }
    public required DateTimeOffset? PublishedAt { get; init; }
    public required string? RatingRaw { get; init; }
    public required double? RatingValue { get; init; }
    public required double? RatingScale { get; init; }
    public required double? RatingNormalized { get; init; }
    public required bool ContainsSpoilers { get; init; }
    public required short MaxSpoilerLevel { get; init; }
    public required string ContentHash { get; init; }
    public required DateTimeOffset FetchedAt { get; init; }

    public static ReviewValues From(Review review, long workId, long siteId, string contentHash, DateTimeOffset fetchedAt)
    {
        // Spoiler facts come from the article's blocks; comments are judged apart.
        var maxLevel = review.Blocks.Count == 0 ? SpoilerLevel.None : review.Blocks.Max(b => b.Spoiler.Level);
        return new ReviewValues
        {
            WorkId = workId,
            SiteId = siteId,
            Url = review.Url,
            Title = review.Title,
            Author = review.Author,
            // Npgsql writes timestamptz from offset-zero values only.
            PublishedAt = review.PublishedAt?.ToUniversalTime(),
            RatingRaw = review.Rating?.Raw,
            RatingValue = review.Rating?.Value,
            RatingScale = review.Rating?.Scale,
            RatingNormalized = review.Rating?.Normalized,
            ContainsSpoilers = maxLevel > SpoilerLevel.None,
            MaxSpoilerLevel = (short)maxLevel,
            ContentHash = contentHash,
            FetchedAt = fetchedAt.ToUniversalTime(),
        };
    }
}
