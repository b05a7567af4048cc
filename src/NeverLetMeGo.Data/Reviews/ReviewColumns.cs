using System.Data.Common;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Data.Reviews;

/// <summary>
/// The columns every review read selects, and their rows read by position with typed getters: one shape per row, no
/// per-column boxing on the hottest reads (a review's 10–60 blocks, a list's 20 summaries).
/// </summary>
internal static class ReviewColumns
{
    public const string Summary = """
        r.id, r.work_id, w.title, r.url, r.title, r.safe_title, r.title_replaced, r.author, r.published_at,
        s.name, s.host, r.rating_raw, r.rating_value, r.rating_scale, r.rating_normalized,
        r.contains_spoilers, r.max_spoiler_level, r.premise_blocks, r.major_blocks, r.excerpt, r.excerpt_truncated,
        r.comment_count, r.content_hash, r.fetched_at, r.updated_at
        """;

    public const int SummaryCount = 25;

    public const string From = """
        from reviews r
        join works w on w.id = r.work_id
        join sites s on s.id = r.site_id
        """;

    /// <summary>A block's decided columns (b: review_blocks or comment_blocks), then optionally its decided sentences.</summary>
    public const string Block = "b.ordinal, b.kind, b.text, b.decided_level, b.decided_warning, b.spoiler_score, b.decided_reasons";

    public const int BlockCount = 7;

    public static ReviewSummaryRow ReadSummary(DbDataReader r, int at = 0) => new()
    {
        Id = r.GetInt64(at),
        WorkId = r.GetInt64(at + 1),
        WorkTitle = r.GetString(at + 2),
        Url = r.GetString(at + 3),
        Title = NullableString(r, at + 4),
        SafeTitle = NullableString(r, at + 5) ?? "",
        TitleReplaced = r.GetBoolean(at + 6),
        Author = NullableString(r, at + 7),
        PublishedAt = r.IsDBNull(at + 8) ? null : r.GetFieldValue<DateTimeOffset>(at + 8),
        SiteName = NullableString(r, at + 9),
        SiteHost = r.GetString(at + 10),
        RatingRaw = NullableString(r, at + 11),
        RatingValue = NullableDouble(r, at + 12),
        RatingScale = NullableDouble(r, at + 13),
        RatingNormalized = NullableDouble(r, at + 14),
        ContainsSpoilers = r.GetBoolean(at + 15),
        MaxSpoilerLevel = r.GetInt16(at + 16),
        PremiseBlocks = r.GetInt32(at + 17),
        MajorBlocks = r.GetInt32(at + 18),
        Excerpt = r.GetString(at + 19),
        ExcerptTruncated = r.GetBoolean(at + 20),
        CommentCount = r.GetInt32(at + 21),
        ContentHash = r.GetString(at + 22),
        FetchedAt = r.GetFieldValue<DateTimeOffset>(at + 23),
        UpdatedAt = r.GetFieldValue<DateTimeOffset>(at + 24),
    };

    /// <summary>
    /// A row of <see cref="Block"/> at <paramref name="at"/>, with the decided sentences after it when the statement reads
    /// them. A block not decided yet reads as a hidden major spoiler: nothing is shown before Core has decided it.
    /// </summary>
    public static BlockRow ReadBlock(DbDataReader r, int at, bool sentences = false) => new(
        r.GetInt32(at), r.GetString(at + 1), r.GetString(at + 2),
        r.IsDBNull(at + 3) ? (short)SpoilerLevel.Major : r.GetInt16(at + 3),
        !r.IsDBNull(at + 4) && r.GetBoolean(at + 4),
        r.GetDouble(at + 5),
        r.IsDBNull(at + 6) ? [] : r.GetFieldValue<string[]>(at + 6))
    {
        Sentences = sentences && !r.IsDBNull(at + 7) ? SentenceColumn.Read(r.GetFieldValue<int[]>(at + 7)) : [],
    };

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static double? NullableDouble(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
}
