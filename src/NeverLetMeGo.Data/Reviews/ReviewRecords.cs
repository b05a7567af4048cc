namespace NeverLetMeGo.Data.Reviews;

// Dapper materialises these by column name (snake_case → PascalCase); the public rows are built from them.
// timestamptz arrives as a UTC DateTime, smallint as short.

internal class SummaryRecord
{
    public long Id { get; init; }
    public long WorkId { get; init; }
    public string WorkTitle { get; init; } = "";
    public string Url { get; init; } = "";
    public string? Title { get; init; }
    public string? Author { get; init; }
    public DateTime? PublishedAt { get; init; }
    public string? SiteName { get; init; }
    public string SiteHost { get; init; } = "";
    public string? RatingRaw { get; init; }
    public double? RatingValue { get; init; }
    public double? RatingScale { get; init; }
    public double? RatingNormalized { get; init; }
    public short MaxSpoilerLevel { get; init; }
    public int CommentCount { get; init; }
    public string ContentHash { get; init; } = "";
    public DateTime FetchedAt { get; init; }

    public ReviewSummaryRow ToRow() => new()
    {
        Id = Id,
        WorkId = WorkId,
        WorkTitle = WorkTitle,
        Url = Url,
        Title = Title,
        Author = Author,
        PublishedAt = SqlMapping.Offset(PublishedAt),
        SiteName = SiteName,
        SiteHost = SiteHost,
        RatingRaw = RatingRaw,
        RatingValue = RatingValue,
        RatingScale = RatingScale,
        RatingNormalized = RatingNormalized,
        MaxSpoilerLevel = MaxSpoilerLevel,
        CommentCount = CommentCount,
        ContentHash = ContentHash,
        FetchedAt = SqlMapping.Offset(FetchedAt),
    };
}

/// <summary>
/// A review's summary read with the rest of its version. A revalidation reads only the version's columns into it: Dapper
/// leaves the others unset, and <see cref="ToVersion"/> reads no other.
/// </summary>
internal sealed class DetailRecord : SummaryRecord
{
    public DateTime UpdatedAt { get; init; }
    public int Overrides { get; init; }
    public DateTime? OverridesUpdatedAt { get; init; }

    public ReviewVersion ToVersion() => new(
        ContentHash, SqlMapping.Offset(UpdatedAt), SqlMapping.Offset(FetchedAt), WorkTitle, SiteName, SiteHost, Overrides, SqlMapping.Offset(OverridesUpdatedAt));
}

internal sealed class BlockRecord
{
    public long ReviewId { get; init; }
    public long CommentId { get; init; }
    public int Ordinal { get; init; }
    public string Kind { get; init; } = "";
    public string Text { get; init; } = "";
    public short SpoilerLevel { get; init; }
    public bool Warning { get; init; }
    public double SpoilerScore { get; init; }
    public string[] Reasons { get; init; } = [];
    public int[]? Sentences { get; init; }

    public BlockRow ToRow() => new(Ordinal, Kind, Text, SpoilerLevel, Warning, SpoilerScore, Reasons) { Sentences = SentenceColumn.Read(Sentences) };

    /// <summary>
    /// A row of <see cref="ReviewQueries.BlockColumns"/> read by position with typed getters, and the sentences column when
    /// the statement reads it (mask=sentences).
    /// </summary>
    public static BlockRow Read(System.Data.Common.DbDataReader r) => new(
        r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetInt16(4), r.GetBoolean(5), r.GetDouble(6), r.GetFieldValue<string[]>(7))
    {
        Sentences = r.FieldCount > 8 && !r.IsDBNull(8) ? SentenceColumn.Read(r.GetFieldValue<int[]>(8)) : [],
    };
}

internal sealed class CommentRecord
{
    public long Id { get; init; }
    public long? ParentId { get; init; }
    public string? Author { get; init; }
    public DateTime? PublishedAt { get; init; }
    public int Ordinal { get; init; }
}
