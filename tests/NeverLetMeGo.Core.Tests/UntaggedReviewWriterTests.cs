using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

/// <summary>
/// The untagged X.json is written by hand (no serializer metadata in a short batch); it must be the bytes JsonSerializer
/// writes for the documented shape without spoiler fields, with the tagged batch's options.
/// </summary>
public sealed class UntaggedReviewWriterTests
{
    private static readonly JsonSerializerOptions Serializer =
        new(ReviewJson.Options) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The shape as the serializer knows it: the documented review without titleLevel, spoiler or tag fields.
    private sealed record Shape(string Url, string? Title, string? Author, DateTimeOffset? PublishedAt, string? SiteName, string? Language,
        WorkRef Work, Rating? Rating, ExtractionMode Extraction, IReadOnlyList<BlockShape> Blocks, IReadOnlyList<CommentShape> Comments);

    private sealed record BlockShape(int Index, BlockKind Kind, string Text);

    private sealed record CommentShape(string Id, string? ParentId, string? Author, DateTimeOffset? PublishedAt, IReadOnlyList<BlockShape> Blocks);

    public static TheoryData<string> Samples() => [.. SamplePages.All];

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_sample_page_is_written_as_the_serializer_writes_it(string file)
    {
        var page = ReviewPipeline.Extract(SamplePages.Read(file), new Uri("https://example.org/" + file));

        AssertSameBytes(page.WithoutTagging());
    }

    [Fact]
    public void Every_field_kind_and_awkward_character_is_written_as_the_serializer_writes_it()
    {
        const string awkward = "\"quoted\" \\ back / slash <b>&amp;</b> tab\there\nline \u0001 \u2028 \u00e9 \u201ccurly\u201d \ud83d\ude00 \u0627\u0644\u0639\u0631\u0628\u064a\u0629";
        var blocks = Enum.GetValues<BlockKind>().Select((kind, i) => Block(i, kind, $"{kind} {awkward}")).ToArray();
        var review = new Review
        {
            Url = "https://example.org/review?id=1&x=\u00e9",
            Title = awkward,
            Author = "Ann \"A.\" Critic",
            PublishedAt = new DateTimeOffset(2010, 9, 15, 23, 5, 7, 123, TimeSpan.FromHours(-7)),
            SiteName = "Site",
            Language = "en-GB",
            Work = WorkRef.Of("Never Let Me Go"),
            Rating = new Rating("3.5/4 stars", 3.5, 4, 0.875),
            Extraction = ExtractionMode.Fallback,
            Blocks = blocks,
            Comments =
            [
                new Comment("c1", null, null, null, [Block(0, BlockKind.Paragraph, awkward)]),
                new Comment("c2", "c1", "Reader", new DateTimeOffset(2011, 1, 2, 3, 4, 5, TimeSpan.Zero), []),
            ],
        };

        AssertSameBytes(review);
        AssertSameBytes(review with { Title = null, Author = null, PublishedAt = null, SiteName = null, Language = null, Rating = null, Work = WorkRef.Of(null), Extraction = ExtractionMode.Article, Blocks = [], Comments = [] });
        AssertSameBytes(review with { Rating = new Rating("B+", 1.0 / 3, 1e-7, 12345678.9) });
    }

    private static Block Block(int index, BlockKind kind, string text) => new(index, kind, text, new SpoilerTag(SpoilerLevel.None, false, 0, []));

    private static void AssertSameBytes(Review review)
    {
        var shape = new Shape(review.Url, review.Title, review.Author, review.PublishedAt, review.SiteName, review.Language, review.Work, review.Rating,
            review.Extraction, Blocks(review.Blocks), [.. review.Comments.Select(c => new CommentShape(c.Id, c.ParentId, c.Author, c.PublishedAt, Blocks(c.Blocks)))]);
        var expected = JsonSerializer.Serialize(shape, Serializer);

        var written = new ArrayBufferWriter<byte>();
        UntaggedReviewWriter.Write(review, written);

        Assert.Equal(expected, Encoding.UTF8.GetString(written.WrittenSpan));
    }

    private static BlockShape[] Blocks(IReadOnlyList<Block> blocks) => [.. blocks.Select(b => new BlockShape(b.Index, b.Kind, b.Text))];
}
