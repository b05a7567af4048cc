using System.Net;
using System.Net.Http.Headers;

namespace NeverLetMeGo.Api.Tests;

public sealed class ProtocolTests(ApiServer api) : IClassFixture<ApiServer>
{
    private async Task<HttpResponseMessage> GetAsync(string path, string? ifNoneMatch = null, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch == "*" ? EntityTagHeaderValue.Any : EntityTagHeaderValue.Parse(ifNoneMatch));
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await api.Client.SendAsync(request);
    }

    [Theory]
    [InlineData("/reviews/{id}")]
    [InlineData("/reviews/{id}?format=html")]
    [InlineData("/reviews/{id}/comments")]
    [InlineData("/reviews/{id}/card")]
    [InlineData("/works/{work}/reviews")]
    [InlineData("/works/{work}/rating")]
    [InlineData("/works/{work}/feed.atom")]
    [InlineData("/search?q=acting")]
    public async Task Every_read_has_a_strong_etag_and_if_none_match_gives_304(string template)
    {
        var saved = await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://reviews.example/{Guid.NewGuid():N}"));
        var path = template.Replace("{id}", $"{saved.ReviewId}", StringComparison.Ordinal).Replace("{work}", $"{saved.WorkId}", StringComparison.Ordinal);

        using var first = await GetAsync(path);
        var etag = first.Headers.ETag;
        using var second = await GetAsync(path, etag?.Tag);
        // RFC 9110 §13.1.2: If-None-Match compares weakly. A proxy that compresses a response (nginx with gzip) turns our
        // strong tag into W/"…", and its clients send that back: with a strong comparison they never got a 304.
        using var weak = await GetAsync(path, "W/" + etag?.Tag);
        using var other = await GetAsync(path, "W/\"not-this-one\"");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal("public, no-cache", first.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, weak.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task A_changed_review_gets_a_new_etag()
    {
        var url = $"https://reviews.example/{Guid.NewGuid():N}";
        var review = TestReviews.Tagged(url);
        var id = (await TestReviews.SaveAsync(api.Db, review)).ReviewId;
        using var before = await GetAsync($"/reviews/{id}");

        await TestReviews.SaveAsync(api.Db, review with { Title = "A new title" });
        using var after = await GetAsync($"/reviews/{id}", before.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task An_operator_correction_gives_the_review_a_new_etag_and_a_stale_copy_gets_the_corrected_text()
    {
        var id = (await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://reviews.example/{Guid.NewGuid():N}"))).ReviewId;
        using var before = await GetAsync($"/reviews/{id}");

        using var correction = new HttpRequestMessage(HttpMethod.Put, $"/admin/reviews/{id}/blocks/0/level") { Content = System.Net.Http.Json.JsonContent.Create(new { level = "major" }) };
        correction.Headers.Add("X-Api-Key", ApiServer.OperatorKey);
        using var corrected = await api.Client.SendAsync(correction);
        using var after = await GetAsync($"/reviews/{id}", before.Headers.ETag!.Tag);
        using var again = await GetAsync($"/reviews/{id}", after.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.DoesNotContain("The acting is superb", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Theory]
    [InlineData("?spoilers=all")]
    [InlineData("?mask=omit")]
    [InlineData("?format=html")]
    public async Task Each_reading_of_a_review_has_its_own_etag(string options)
    {
        var id = (await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://reviews.example/{Guid.NewGuid():N}"))).ReviewId;
        using var masked = await GetAsync($"/reviews/{id}");
        using var other = await GetAsync($"/reviews/{id}{options}");
        using var otherWithMaskedTag = await GetAsync($"/reviews/{id}{options}", masked.Headers.ETag!.Tag);
        using var anyTag = await GetAsync($"/reviews/{id}{options}", "*");

        Assert.NotEqual(masked.Headers.ETag, other.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, otherWithMaskedTag.StatusCode);
        Assert.Equal(await other.Content.ReadAsStringAsync(), await otherWithMaskedTag.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotModified, anyTag.StatusCode);
    }

    [Fact]
    public async Task Revalidating_a_missing_review_is_a_404_problem_without_an_etag()
    {
        using var response = await GetAsync("/reviews/987654322", "*");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Configured_origins_get_cors_headers_and_others_do_not()
    {
        using var allowed = await GetAsync("/works", origin: "http://frontend.example");
        using var other = await GetAsync("/works", origin: "http://elsewhere.example");

        Assert.Equal("http://frontend.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("ETag", allowed.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Errors_are_problems_and_never_cached_as_ok()
    {
        using var response = await GetAsync("/reviews/987654321");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_front_end_page_is_served_at_the_root_under_a_strict_content_security_policy()
    {
        using var page = await api.Client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var script = await api.GetAsync("/js/app.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var policy = string.Join("; ", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"/js/app.js\"></script>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.Status);
        Assert.Equal("text/javascript", script.ContentType);
    }

    [Fact]
    public async Task The_page_loads_nothing_from_another_origin_and_has_no_inline_script_or_style()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories);
        var index = await File.ReadAllTextAsync(Path.Combine(root, "index.html"));

        Assert.Contains(files, f => f.EndsWith(".js", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.DoesNotMatch(@"(src|href)\s*=\s*[""']?(https?:)?//", text);
            Assert.DoesNotMatch(@"url\(\s*[""']?(https?:)?//|@import", text);
            Assert.DoesNotMatch(@"fetch\(\s*[""'`]https?:", text);
        }

        Assert.DoesNotMatch(@"<script(?![^>]*\ssrc=)[^>]*>", index);
        Assert.DoesNotMatch(@"\sstyle\s*=|<style", index);
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", index);
    }
}
