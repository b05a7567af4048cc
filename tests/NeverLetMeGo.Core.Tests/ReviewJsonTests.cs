using System.Text.Json;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

public sealed class ReviewJsonTests
{
    private static readonly Review Sample = new()
    {
        Url = "https://reviews.example/a",
        Title = "A review",
        Author = null,
        PublishedAt = null,
        SiteName = "Reel Notes",
        Work = new WorkRef("Never Let Me Go"),
        Rating = null,
        Blocks =
        [
            new Block(0, BlockKind.ListItem, "Spoilers ahead.", new SpoilerTag(SpoilerLevel.None, true, 0, ["author spoiler warning"])),
            new Block(1, BlockKind.Paragraph, "Ruth completes.", new SpoilerTag(SpoilerLevel.Major, false, 0.9, ["after the author's spoiler warning"])),
        ],
        Comments = [new Comment("comment-1", null, "Ann", new DateTimeOffset(2011, 1, 10, 14, 15, 0, TimeSpan.Zero), [new Block(0, BlockKind.Quote, "Quoted.", SpoilerTag.Clean)])],
    };

    private static JsonElement Serialize(Review review) => JsonSerializer.SerializeToElement(review, ReviewJson.Options);

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void A_review_has_exactly_the_documented_properties_in_order()
    {
        var json = Serialize(Sample);

        Assert.Equal(["url", "title", "titleLevel", "author", "publishedAt", "siteName", "language", "work", "rating", "extraction", "containsSpoilers", "blocks", "comments"], Names(json));
        Assert.Equal(["title"], Names(json.GetProperty("work")));
        Assert.Equal(["index", "kind", "text", "spoiler", "sentences"], Names(json.GetProperty("blocks")[0]));
        Assert.Equal(["level", "warning", "score", "reasons"], Names(json.GetProperty("blocks")[0].GetProperty("spoiler")));
        Assert.Equal(["id", "parentId", "author", "publishedAt", "blocks"], Names(json.GetProperty("comments")[0]));
    }

    [Fact]
    public void Ratings_have_raw_value_scale_and_normalized()
    {
        var json = Serialize(Sample with { Rating = new Rating("3/4 stars", 3, 4, 75) });

        Assert.Equal(["raw", "value", "scale", "normalized"], Names(json.GetProperty("rating")));
        Assert.Equal(75, json.GetProperty("rating").GetProperty("normalized").GetDouble());
    }

    [Fact]
    public void Enums_are_camel_case_strings_nulls_are_written_and_times_are_iso_8601()
    {
        var json = Serialize(Sample);

        Assert.Equal("listItem", json.GetProperty("blocks")[0].GetProperty("kind").GetString());
        Assert.Equal("article", json.GetProperty("extraction").GetString());
        Assert.Equal("fallback", Serialize(Sample with { Extraction = ExtractionMode.Fallback }).GetProperty("extraction").GetString());
        Assert.Equal("major", json.GetProperty("blocks")[1].GetProperty("spoiler").GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("publishedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("rating").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("comments")[0].GetProperty("parentId").ValueKind);
        Assert.Equal("2011-01-10T14:15:00+00:00", json.GetProperty("comments")[0].GetProperty("publishedAt").GetString());
        Assert.True(json.GetProperty("containsSpoilers").GetBoolean());
    }

    [Fact]
    public void The_options_are_shared_and_read_only()
    {
        Assert.Same(ReviewJson.Options, ReviewJson.Options);
        Assert.True(ReviewJson.Options.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => ReviewJson.Options.WriteIndented = true);
    }

    [Fact]
    public void A_serialised_review_reads_back_to_the_same_json()
    {
        var text = JsonSerializer.Serialize(SamplePages.Review(SamplePages.WordPress), ReviewJson.Options);

        var back = JsonSerializer.Deserialize<Review>(text, ReviewJson.Options);

        Assert.NotNull(back);
        Assert.Equal(text, JsonSerializer.Serialize(back, ReviewJson.Options));
    }
}
