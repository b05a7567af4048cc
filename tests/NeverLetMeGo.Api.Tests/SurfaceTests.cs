using System.Net;
using System.Xml.Linq;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Api.Tests;

public sealed class SurfaceTests(ApiServer api) : IClassFixture<ApiServer>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private async Task<(long ReviewId, long WorkId)> SeedAsync(string? work = null)
    {
        var saved = await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://reviews.example/{Guid.NewGuid():N}", work ?? $"Feed Work {Guid.NewGuid():N}"));
        return (saved.ReviewId, saved.WorkId);
    }

    [Fact]
    public async Task Work_feed_is_atom_with_only_the_excerpt_and_a_spoiler_note()
    {
        var (reviewId, workId) = await SeedAsync();

        var response = await api.GetAsync($"/works/{workId}/feed.atom");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/atom+xml", response.ContentType);
        Assert.DoesNotContain("SECRET", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Spoiler alert", response.Body, StringComparison.Ordinal);
        var entry = Assert.Single(XDocument.Parse(response.Body).Root!.Elements(Atom + "entry"));
        Assert.EndsWith("[spoilers after the excerpt]", entry.Element(Atom + "title")!.Value, StringComparison.Ordinal);
        Assert.Equal("The acting is superb and the pacing is patient.", entry.Element(Atom + "summary")!.Value);
        Assert.EndsWith($"/?review={reviewId}", entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_review_that_starts_with_its_spoilers_has_a_feed_entry_saying_so_instead_of_an_empty_summary()
    {
        var work = $"Warned Work {Guid.NewGuid():N}";
        var tagged = TestReviews.Tagged($"https://reviews.example/{Guid.NewGuid():N}", work);
        var saved = await TestReviews.SaveAsync(api.Db, tagged with { Blocks = [.. tagged.Blocks.Skip(1).Select((b, i) => b with { Index = i })] });

        var response = await api.GetAsync($"/works/{saved.WorkId}/feed.atom");

        var entry = Assert.Single(XDocument.Parse(response.Body).Root!.Elements(Atom + "entry"));
        Assert.Equal($"A review of {work} [spoilers from the start]", entry.Element(Atom + "title")!.Value);
        Assert.Equal(
            "This review starts with its spoiler warning or a spoiler, so there is no spoiler-free excerpt: 2 paragraphs are hidden until you reveal them. Follow the link to read it with its spoilers hidden.",
            entry.Element(Atom + "summary")!.Value);
        Assert.DoesNotContain("SECRET", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Spoiler alert", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Site_feed_lists_recent_reviews_and_a_clean_review_has_no_spoiler_note()
    {
        var clean = TestReviews.Tagged($"https://reviews.example/{Guid.NewGuid():N}", "Clean Work", publishedAt: new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await TestReviews.SaveAsync(api.Db, clean with { Blocks = clean.Blocks.Take(1).ToList() });

        var response = await api.GetAsync("/feed.atom");

        var first = XDocument.Parse(response.Body).Root!.Elements(Atom + "entry").First();
        Assert.Equal("A review of Clean Work", first.Element(Atom + "title")!.Value);
        Assert.DoesNotContain("SECRET", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_matches_and_highlights_only_visible_text()
    {
        await SeedAsync();

        var hidden = await api.GetAsync("/search?q=fourth%20donation");
        var shown = await api.GetAsync("/search?q=fourth%20donation&spoilers=all");
        var visible = await api.GetAsync("/search?q=pacing");

        Assert.Empty(hidden.Json.GetProperty("items").EnumerateArray());
        Assert.DoesNotContain("SECRET", hidden.Body, StringComparison.Ordinal);
        Assert.Contains("<mark>fourth</mark>", shown.Json.GetProperty("items")[0].GetProperty("snippetHtml").GetString(), StringComparison.Ordinal);
        var hit = visible.Json.GetProperty("items")[0];
        Assert.Contains("<mark>pacing</mark>", hit.GetProperty("snippetHtml").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, hit.GetProperty("blockIndex").GetInt32());
        Assert.DoesNotContain("SECRET", visible.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_snippets_are_escaped()
    {
        var review = TestReviews.Tagged($"https://reviews.example/{Guid.NewGuid():N}");
        await TestReviews.SaveAsync(api.Db, review with { Blocks = [new Block(0, BlockKind.Paragraph, "<b>zebrafish</b> & friends", SpoilerTag.Clean)] });

        var hit = (await api.GetAsync("/search?q=zebrafish")).Json.GetProperty("items")[0];

        // ts_headline drops tag-like runs itself; whatever is left is escaped, and only <mark> is markup.
        var html = hit.GetProperty("snippetHtml").GetString()!;
        Assert.Contains("<mark>zebrafish</mark>", html, StringComparison.Ordinal);
        Assert.Contains("&amp; friends", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0001", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Card_is_built_from_the_safe_title_and_excerpt()
    {
        var (reviewId, _) = await SeedAsync();

        var response = await api.GetAsync($"/reviews/{reviewId}/card");

        var card = response.Json;
        Assert.DoesNotContain("SECRET", response.Body, StringComparison.Ordinal);
        Assert.Equal("The acting is superb and the pacing is patient. (Spoilers after this excerpt.)", card.GetProperty("description").GetString());
        Assert.Equal(card.GetProperty("title").GetString(), card.GetProperty("openGraph").GetProperty("og:title").GetString());
        Assert.Equal("summary", card.GetProperty("twitter").GetProperty("twitter:card").GetString());
        Assert.Equal("Test Reviews", card.GetProperty("siteName").GetString());
    }

    [Theory]
    [InlineData("/search", "q")]
    [InlineData("/search?q=x&spoilers=most", "spoilers")]
    [InlineData("/search?q=x&limit=0", "limit")]
    public async Task Bad_search_requests_are_400_problems(string path, string parameter)
    {
        var response = await api.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(parameter, response.Json.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("/works/987654321/feed.atom")]
    [InlineData("/reviews/987654321/card")]
    public async Task Unknown_feed_or_card_is_a_404_problem(string path)
    {
        var response = await api.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
    }
}
