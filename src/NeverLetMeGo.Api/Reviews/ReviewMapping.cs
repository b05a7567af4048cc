using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Data.Reviews;

namespace NeverLetMeGo.Api.Reviews;

/// <summary>Data rows to response records. Block text only leaves through <see cref="SpoilerMask"/>.</summary>
internal static class ReviewMapping
{
    public static ReviewSummaryResponse ToSummary(ReviewSummaryRow row) => new(
        row.Id,
        row.WorkId,
        row.WorkTitle,
        row.Url,
        row.Title,
        row.Author,
        row.PublishedAt,
        row.SiteName ?? row.SiteHost,
        row is { RatingRaw: { } raw, RatingValue: { } value, RatingScale: { } scale, RatingNormalized: { } normalized }
            ? new RatingResponse(raw, value, scale, normalized)
            : null,
        row.MaxSpoilerLevel > 0,
        LevelName((SpoilerLevel)row.MaxSpoilerLevel),
        row.CommentCount);

    public static IReadOnlyList<BlockResponse> Mask(IEnumerable<BlockRow> rows, SpoilerTolerance tolerance)
        => [.. SpoilerMask.Apply(rows.Select(ToBlock), tolerance).Select(ToResponse)];

    private static BlockResponse ToResponse(MaskedBlock b)
        => new(b.Index, KindName(b.Kind), LevelName(b.Level), b.Warning, b.Hidden, b.Text, b.Reason);

    private static Block ToBlock(BlockRow row) => new(
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

    private static string KindName(BlockKind kind) => kind switch
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
