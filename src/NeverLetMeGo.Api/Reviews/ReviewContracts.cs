using System.Text.Json.Serialization;

namespace NeverLetMeGo.Api.Reviews;

/// <summary>A rating as the review wrote it, and on 0–100.</summary>
public sealed record RatingResponse(string Raw, double Value, double Scale, double Normalized);

/// <summary>How many blocks of a review are premise and major spoilers (at their effective level).</summary>
public sealed record SpoilerCountsResponse(int Premise, int Major);

/// <summary>
/// A review in a list: metadata, the spoiler summary and the spoiler-safe excerpt (text before the first spoiler or author
/// warning, never after). <c>Title</c> is safe: a title that reveals is replaced and <c>TitleReplaced</c> says so.
/// </summary>
public sealed record ReviewSummaryResponse(
    long Id,
    long WorkId,
    string WorkTitle,
    string Url,
    string Title,
    bool TitleReplaced,
    string? Author,
    DateTimeOffset? PublishedAt,
    string SiteName,
    RatingResponse? Rating,
    bool ContainsSpoilers,
    string MaxSpoilerLevel,
    SpoilerCountsResponse SpoilerBlocks,
    string Excerpt,
    bool ExcerptTruncated,
    int CommentCount);

public sealed record ReviewListResponse(IReadOnlyList<ReviewSummaryResponse> Items, string? Next);

/// <summary>
/// One block as this reader may see it. A hidden block keeps its index, kind and level and says why it is hidden, but has no
/// text and nothing derived from it. With <c>mask=sentences</c> a hidden block whose sentences are not all spoilers also
/// has <see cref="Parts"/>: its visible sentences, and a hidden part for each run of sentences this reader may not see.
/// </summary>
public sealed record BlockResponse(int Index, string Kind, string Level, bool Warning, bool Hidden, string? Text, string? Reason)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<BlockPartResponse>? Parts { get; init; }
}

/// <summary>A piece of a hidden block, in reading order: visible sentences with their text, or a hidden run (text null) and its level.</summary>
public sealed record BlockPartResponse(bool Hidden, string Level, string? Text);

/// <summary>A review masked for the requested tolerance (<c>spoilers</c>: none, premise or all) and mask mode.</summary>
public sealed record ReviewResponse(
    ReviewSummaryResponse Review, string Spoilers, string Mask, int HiddenBlocks, [property: JsonConverter(typeof(BlockListJson))] IReadOnlyList<BlockResponse> Blocks);

/// <summary>A comment with its replies, masked like the review.</summary>
public sealed record CommentResponse(long Id, long? ParentId, string? Author, DateTimeOffset? PublishedAt, IReadOnlyList<BlockResponse> Blocks, IReadOnlyList<CommentResponse> Replies);

public sealed record CommentThreadResponse(long ReviewId, string Spoilers, int Count, IReadOnlyList<CommentResponse> Comments);
