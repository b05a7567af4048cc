using System.Text.Json.Serialization;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>What `nlmg extract --no-spoilers` writes as X.json: the documented shape without the spoiler fields, which it never computed.</summary>
internal sealed record UntaggedReview(
    string Url,
    string? Title,
    string? Author,
    DateTimeOffset? PublishedAt,
    string? SiteName,
    string? Language,
    WorkRef Work,
    Rating? Rating,
    ExtractionMode Extraction,
    IReadOnlyList<UntaggedBlock> Blocks,
    IReadOnlyList<UntaggedComment> Comments)
{
    public static UntaggedReview From(Review review) => new(
        review.Url, review.Title, review.Author, review.PublishedAt, review.SiteName, review.Language, review.Work, review.Rating,
        review.Extraction, Untag(review.Blocks), [.. review.Comments.Select(c => new UntaggedComment(c.Id, c.ParentId, c.Author, c.PublishedAt, Untag(c.Blocks)))]);

    private static UntaggedBlock[] Untag(IReadOnlyList<Block> blocks) => [.. blocks.Select(b => new UntaggedBlock(b.Index, b.Kind, b.Text))];
}

internal sealed record UntaggedBlock(int Index, BlockKind Kind, string Text);

internal sealed record UntaggedComment(string Id, string? ParentId, string? Author, DateTimeOffset? PublishedAt, IReadOnlyList<UntaggedBlock> Blocks);

/// <summary>
/// Serialization code for <see cref="UntaggedReview"/> made at build time: the reflection-based path builds its metadata and
/// emits accessors in every new process, a measurable share of a short batch (bench/README.md, Extraction). Used as the
/// resolver of options copied from ReviewJson.Options, so the names, enum strings and escaping stay those options'.
/// </summary>
[JsonSerializable(typeof(UntaggedReview))]
internal sealed partial class UntaggedReviewJson : JsonSerializerContext;
