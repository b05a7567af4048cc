using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Data.Tests;

/// <summary>Reviews as the pipeline would hand them to the store, with unique URLs and work titles per test.</summary>
internal static class TestReviews
{
    public static string UniqueUrl(string host = "reviews.example") => $"https://{host}/{Guid.NewGuid():N}";

    public static string UniqueWork() => $"Work {Guid.NewGuid():N}";

    public static Review Create(
        string? url = null,
        string? work = null,
        Rating? rating = null,
        DateTimeOffset? publishedAt = null,
        IReadOnlyList<Block>? blocks = null,
        IReadOnlyList<Comment>? comments = null,
        string? siteName = "Example Reviews") => new()
        {
            Url = url ?? UniqueUrl(),
            Title = "A quiet devastation",
            Author = "Ruth K.",
            PublishedAt = publishedAt,
            SiteName = siteName,
            Work = new WorkRef(work ?? UniqueWork()),
            Rating = rating,
            Blocks = blocks ?? [Paragraph(0, "Kathy remembers Hailsham.")],
            Comments = comments ?? [],
        };

    public static Rating Rated(double normalized) => new($"{normalized}/100", normalized, 100, normalized);

    public static Block Paragraph(int index, string text, SpoilerLevel level = SpoilerLevel.None, bool warning = false, double score = 0, params string[] reasons) =>
        new(index, BlockKind.Paragraph, text, new SpoilerTag(level, warning, score, reasons));

    public static Comment Comment(string id, string? parentId, string text) =>
        new(id, parentId, $"reader {id}", new DateTimeOffset(2011, 3, 1, 9, 30, 0, TimeSpan.Zero), [Paragraph(0, text)]);
}
