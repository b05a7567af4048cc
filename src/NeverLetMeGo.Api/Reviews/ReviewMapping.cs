using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Data.Reviews;

namespace NeverLetMeGo.Api.Reviews;

/// <summary>Data rows to response records. Block text only leaves through <see cref="SpoilerMask"/>.</summary>
internal static class ReviewMapping
{
    public static ReviewSummaryResponse ToSummary(ReviewSummaryRow row, IReadOnlyList<BlockRow> blockRows)
        => ToSummary(row, Project(row, blockRows, SpoilerTolerance.None, MaskMode.Omit));

    public static SafeReview Project(ReviewSummaryRow row, IReadOnlyList<BlockRow> blockRows, SpoilerTolerance tolerance, MaskMode mode)
        => SpoilerMask.Project(row.Title, row.WorkTitle, ToBlocks(blockRows), tolerance, mode);

    public static ReviewSummaryResponse ToSummary(ReviewSummaryRow row, SafeReview safe) => new(
        row.Id,
        row.WorkId,
        row.WorkTitle,
        row.Url,
        safe.Title,
        safe.TitleReplaced,
        row.Author,
        row.PublishedAt,
        SiteName(row),
        row is { RatingRaw: { } raw, RatingValue: { } value, RatingScale: { } scale, RatingNormalized: { } normalized }
            ? new RatingResponse(raw, value, scale, normalized)
            : null,
        safe.Summary.ContainsSpoilers,
        LevelName(safe.Summary.HighestLevel),
        new SpoilerCountsResponse(safe.Summary.PremiseBlocks, safe.Summary.MajorBlocks),
        safe.Summary.Excerpt,
        safe.Summary.ExcerptTruncated,
        row.CommentCount);

    public static string SiteName(ReviewSummaryRow row) => row.SiteName ?? row.SiteHost;

    public static IReadOnlyList<BlockResponse> Mask(IEnumerable<BlockRow> rows, SpoilerTolerance tolerance, MaskMode mode = MaskMode.Placeholder)
        => [.. SpoilerMask.Apply(rows.Select(ToBlock), tolerance, mode).Select(ToResponse)];

    public static BlockResponse ToResponse(MaskedBlock b)
        => new(b.Index, KindName(b.Kind), LevelName(b.Level), b.Warning, b.Hidden, b.Text, b.Reason);

    public static IReadOnlyList<Block> ToBlocks(IEnumerable<BlockRow> rows) => [.. rows.Select(ToBlock)];

    public static Block ToBlock(BlockRow row) => new(
        row.Ordinal,
        ParseKind(row.Kind),
        row.Text,
        new SpoilerTag((SpoilerLevel)row.SpoilerLevel, row.Warning, row.SpoilerScore, row.Reasons));

    private static BlockKind ParseKind(string kind) => kind switch
    {
        "heading" => BlockKind.Heading,
        "listItem" => BlockKind.ListItem,
        "quote" => BlockKind.Quote,
        _ => BlockKind.Paragraph,
    };

    public static string KindName(BlockKind kind) => kind switch
    {
        BlockKind.Heading => "heading",
        BlockKind.ListItem => "listItem",
        BlockKind.Quote => "quote",
        _ => "paragraph",
    };

    public static string LevelName(SpoilerLevel level) => level switch
    {
        SpoilerLevel.Premise => "premise",
        SpoilerLevel.Major => "major",
        _ => "none",
    };
}
