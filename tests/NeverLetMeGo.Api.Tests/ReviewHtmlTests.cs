using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Api.Tests;

public sealed partial class ReviewHtmlTests(ApiServer api) : IClassFixture<ApiServer>
{
    private async Task<long> SeedAsync(Func<Core.Model.Review, Core.Model.Review>? change = null)
    {
        var review = TestReviews.Tagged($"https://reviews.example/{Guid.NewGuid():N}");
        return (await TestReviews.SaveAsync(api.Db, change is null ? review : change(review))).ReviewId;
    }

    [Fact]
    public async Task Html_format_renders_hidden_blocks_as_labelled_reveal_buttons_without_their_text()
    {
        var id = await SeedAsync();

        var response = await api.GetAsync($"/reviews/{id}?format=html");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("text/html", response.ContentType);
        Assert.DoesNotContain("SECRET", response.Body, StringComparison.Ordinal);
        var buttons = RevealButton().Matches(response.Body);
        Assert.Equal(2, buttons.Count);
        Assert.Equal(["premise", "major"], buttons.Select(b => b.Groups["level"].Value));
        Assert.All(buttons, b => Assert.Contains("aria-expanded=\"false\"", b.Value, StringComparison.Ordinal));
        Assert.Contains("Spoiler (major) &#x2014; reveal</button>", response.Body, StringComparison.Ordinal);
        Assert.Contains($"data-reveal-url=\"/reviews/{id}/blocks/3?reveal=true\"", response.Body, StringComparison.Ordinal);
        Assert.Contains("The acting is superb", response.Body, StringComparison.Ordinal);
    }

    // A review in Arabic or Hebrew shown inside an English page: each paragraph takes its direction from its own text,
    // or it reads right to left laid out left to right, its full stop at the wrong end.
    [Fact]
    public async Task Every_piece_of_review_text_takes_its_direction_from_its_own_words()
    {
        var id = await SeedAsync(r => r with { Title = "\u0644\u0627 \u062A\u062F\u0639\u0646\u064A \u0623\u0630\u0647\u0628" });

        var response = await api.GetAsync($"/reviews/{id}?format=html&spoilers=all");

        var elements = TextElement().Matches(response.Body);
        Assert.NotEmpty(elements);
        Assert.All(elements, e => Assert.Contains("dir=\"auto\"", e.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dedicated_route_answers_text_html_and_follows_the_tolerance()
    {
        var id = await SeedAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/reviews/{id}/html?spoilers=premise");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await api.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("PREMISE-SECRET", body, StringComparison.Ordinal);
        Assert.DoesNotContain("MAJOR-SECRET", body, StringComparison.Ordinal);
        Assert.Single(RevealButton().Matches(body));
    }

    [Fact]
    public async Task Scraped_text_is_html_escaped()
    {
        var id = await SeedAsync(r => r with
        {
            Title = "<script>alert(1)</script>",
            Blocks = [new Block(0, BlockKind.Paragraph, "<img src=x onerror=alert(1)> & \"quotes\"", SpoilerTag.Clean)],
        });

        var body = (await api.GetAsync($"/reviews/{id}?format=html")).Body;

        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", body, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reveal_returns_one_block_and_without_reveal_it_stays_masked()
    {
        var id = await SeedAsync();

        var revealed = await api.GetAsync($"/reviews/{id}/blocks/3?reveal=true");
        var masked = await api.GetAsync($"/reviews/{id}/blocks/3");

        Assert.Equal(TestReviews.MajorSecret, revealed.Json.GetProperty("text").GetString());
        Assert.False(revealed.Json.GetProperty("hidden").GetBoolean());
        Assert.True(masked.Json.GetProperty("hidden").GetBoolean());
        Assert.DoesNotContain("SECRET", masked.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/reviews/{id}/blocks/99", HttpStatusCode.NotFound)]
    [InlineData("/reviews/{id}?format=pdf", HttpStatusCode.BadRequest)]
    [InlineData("/reviews/{id}/html?spoilers=some", HttpStatusCode.BadRequest)]
    public async Task Bad_block_and_format_requests_are_problems(string path, HttpStatusCode status)
    {
        var id = await SeedAsync();

        var response = await api.GetAsync(path.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal(status, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    [GeneratedRegex("<button type=\"button\" class=\"nlmg-reveal\" aria-expanded=\"false\"[^>]*>Spoiler \\((?<level>\\w+)\\)[^<]*</button>")]
    private static partial Regex RevealButton();

    [Theory]
    [InlineData("/reviews/{0}?format=html")]
    [InlineData("/reviews/{0}/html")]
    public async Task A_browser_tab_opening_the_html_is_sent_to_the_reading_page_and_a_fetch_still_gets_the_fragment(string path)
    {
        var saved = await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://reviews.example/{Guid.NewGuid():N}"));
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, path, saved.ReviewId);

        using var navigation = new HttpRequestMessage(HttpMethod.Get, url);
        navigation.Headers.Add("Sec-Fetch-Mode", "navigate");
        navigation.Headers.Add("Sec-Fetch-Dest", "document");
        using var fetch = new HttpRequestMessage(HttpMethod.Get, url);
        fetch.Headers.Add("Sec-Fetch-Mode", "cors");
        fetch.Headers.Add("Sec-Fetch-Dest", "empty");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = api.Client.BaseAddress };
        using var redirected = await client.SendAsync(navigation);
        using var fragment = await client.SendAsync(fetch);

        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Equal($"/?review={saved.ReviewId}", redirected.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        Assert.StartsWith("<article class=\"nlmg-review\"", await fragment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<(?:h1|h2|p|blockquote)\\b[^>]*>")]
    private static partial Regex TextElement();
}
