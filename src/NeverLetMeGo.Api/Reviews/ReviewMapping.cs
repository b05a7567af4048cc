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
        safe.Summary.HighestLevel.ToWireName(),
        new SpoilerCountsResponse(safe.Summary.PremiseBlocks, safe.Summary.MajorBlocks),
        safe.Summary.Excerpt,
        safe.Summary.ExcerptTruncated,
        row.CommentCount);

    public static string SiteName(ReviewSummaryRow row) => row.SiteName ?? row.SiteHost;

    public static IReadOnlyList<BlockResponse> Mask(IEnumerable<BlockRow> rows, SpoilerTolerance tolerance, MaskMode mode = MaskMode.Placeholder)
        => [.. SpoilerMask.Apply(rows.Select(ToBlock), tolerance, mode).Select(ToResponse)];

    public static BlockResponse ToResponse(MaskedBlock b)
        => new(b.Index, BlockKinds.ToColumn(b.Kind), b.Level.ToWireName(), b.Warning, b.Hidden, b.Text, b.Reason)
        {
            Parts = b.Parts?.Select(p => new BlockPartResponse(p.Hidden, p.Level.ToWireName(), p.Text)).ToArray(),
        };

    public static IReadOnlyList<Block> ToBlocks(IEnumerable<BlockRow> rows) => [.. rows.Select(ToBlock)];

    public static Block ToBlock(BlockRow row) => new(
        row.Ordinal,
        BlockKinds.FromColumn(row.Kind),
        row.Text,
        new SpoilerTag((SpoilerLevel)row.SpoilerLevel, row.Warning, row.SpoilerScore, row.Reasons)) { Sentences = row.Sentences };
}
