using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Data.Reviews;

namespace NeverLetMeGo.Api.Reviews;

/// <summary>
/// Data rows to response records. Every decision (safe title, summary, excerpt, effective levels) was made by Core when
/// the review was written and is read as stored; block text only leaves through <see cref="SpoilerMask"/>.
/// </summary>
internal static class ReviewMapping
{
    public static ReviewSummaryResponse ToSummary(ReviewSummaryRow row) => new(
        row.Id,
        row.WorkId,
        row.WorkTitle,
        row.Url,
        row.SafeTitle,
        row.TitleReplaced,
        row.Author,
        row.PublishedAt,
        SiteName(row),
        row is { RatingRaw: { } raw, RatingValue: { } value, RatingScale: { } scale, RatingNormalized: { } normalized }
            ? new RatingResponse(raw, value, scale, normalized)
            : null,
        row.ContainsSpoilers,
        ((SpoilerLevel)row.MaxSpoilerLevel).ToWireName(),
        new SpoilerCountsResponse(row.PremiseBlocks, row.MajorBlocks),
        row.Excerpt,
        row.ExcerptTruncated,
        row.CommentCount);

    public static MaskedReview Mask(IReadOnlyList<BlockRow> rows, SpoilerTolerance tolerance, MaskMode mode)
        => SpoilerMask.Read(ToBlocks(rows), tolerance, mode);

    public static string SiteName(ReviewSummaryRow row) => row.SiteName ?? row.SiteHost;

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
