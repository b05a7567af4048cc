using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Data.Reviews;

/// <summary>
/// A stored block (of a review or a comment) as a reader is shown it: its effective level, warning and reasons as decided
/// when the review was written (corrections and quote inheritance applied). Level is 0 none, 1 premise, 2 major.
/// </summary>
public sealed record BlockRow(int Ordinal, string Kind, string Text, short SpoilerLevel, bool Warning, double SpoilerScore, string[] Reasons)
{
    /// <summary>The sentences a reader may be shown one by one; empty when not read, not stored, or when a correction set the level.</summary>
    public IReadOnlyList<SentenceSpan> Sentences { get; init; } = [];
}

/// <summary>A review without its blocks, with the decisions stored for it (safe title, spoiler summary, excerpt).</summary>
public sealed record ReviewSummaryRow
{
    public required long Id { get; init; }
    public required long WorkId { get; init; }
    public required string WorkTitle { get; init; }
    public required string Url { get; init; }
    /// <summary>The title as the page wrote it; only <see cref="SafeTitle"/> is ever shown.</summary>
    public required string? Title { get; init; }
    public required string SafeTitle { get; init; }
    public required bool TitleReplaced { get; init; }
    public required string? Author { get; init; }
    public required DateTimeOffset? PublishedAt { get; init; }
    public required string? SiteName { get; init; }
    public required string SiteHost { get; init; }
    public required string? RatingRaw { get; init; }
    public required double? RatingValue { get; init; }
    public required double? RatingScale { get; init; }
    public required double? RatingNormalized { get; init; }
    public required bool ContainsSpoilers { get; init; }
    public required short MaxSpoilerLevel { get; init; }
    public required int PremiseBlocks { get; init; }
    public required int MajorBlocks { get; init; }
    public required string Excerpt { get; init; }
    public required bool ExcerptTruncated { get; init; }
    public required int CommentCount { get; init; }
    public required string ContentHash { get; init; }
    public required DateTimeOffset FetchedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>What decides this review's representation besides the reader's options.</summary>
    public ReviewVersion Version => new(ContentHash, UpdatedAt, FetchedAt, WorkTitle, SiteName, SiteHost);
}

/// <summary>A review with its blocks in order.</summary>
public sealed record ReviewRow(ReviewSummaryRow Summary, IReadOnlyList<BlockRow> Blocks)
{
    public ReviewVersion Version => Summary.Version;
}

/// <summary>
/// Everything stored that decides how a review reads, apart from the reader's options: its content (hash), any update
/// (re-scrape, re-tag, a correction: each decides the review again and moves <see cref="UpdatedAt"/>), the fetch time it
/// shows, and its work's and site's names.
/// </summary>
public sealed record ReviewVersion(string ContentHash, DateTimeOffset UpdatedAt, DateTimeOffset FetchedAt, string WorkTitle, string? SiteName, string SiteHost);

/// <summary>A comment with its blocks; ParentId is the stored id of the comment it replies to.</summary>
public sealed record CommentRow(long Id, long? ParentId, string? Author, DateTimeOffset? PublishedAt, int Ordinal, IReadOnlyList<BlockRow> Blocks);

/// <summary>
/// Keyset position in a work's review list: newest first (published_at desc nulls last, id desc), or by rating (rating
/// desc with unrated last, id desc) when <see cref="Rating"/> ordering is used.
/// </summary>
public sealed record ReviewCursor(DateTimeOffset? PublishedAt, long Id, double? Rating = null);

public enum ReviewSort
{
    Newest,
    Rating,
}

/// <summary>A work and one page of its reviews, read in one round trip.</summary>
public sealed record WorkReviewsPage(Works.WorkRow Work, IReadOnlyList<ReviewSummaryRow> Reviews);

/// <summary>One page of a work's reviews: order, position and filters.</summary>
public sealed record ReviewListQuery
{
    public required int Limit { get; init; }
    public ReviewSort Sort { get; init; } = ReviewSort.Newest;
    public ReviewCursor? After { get; init; }
    /// <summary>Only reviews with no premise or major block at its effective level.</summary>
    public bool SpoilerFree { get; init; }
    public double? MinRating { get; init; }
    /// <summary>A site's host (e.g. "www.example.com").</summary>
    public string? Site { get; init; }
}

public enum SaveOutcome
{
    Created,
    Updated,
    Unchanged,
}

public sealed record SaveResult(long ReviewId, long WorkId, SaveOutcome Outcome);
