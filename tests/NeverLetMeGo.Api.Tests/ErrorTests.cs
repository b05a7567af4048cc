using System.Net;
using System.Text;

namespace NeverLetMeGo.Api.Tests;

/// <summary>Errors the framework raises before a handler runs are problems too, and a bad value names what is allowed.</summary>
public sealed class ErrorTests(ApiServer api) : IClassFixture<ApiServer>
{
    [Theory]
    [InlineData("/works/{work}/reviews?spoilerFree=maybe", "spoilerFree", "spoilerFree must be one of: true, false.")]
    [InlineData("/reviews/{id}/blocks/3?reveal=yes", "reveal", "reveal must be one of: true, false.")]
    [InlineData("/works/{work}/reviews?minRating=high", "minRating", "minRating must be a number from 0 to 100 (the normalized scale).")]
    [InlineData("/works?limit=ten", "limit", "limit must be between 1 and 100.")]
    [InlineData("/reviews/abc", "id", "id must be a whole number.")]
    [InlineData("/reviews/{id}/blocks/first", "index", "index must be a whole number.")]
    [InlineData("/reviews/{id}?spoilers=some", "spoilers", "spoilers must be one of: none, premise, all.")]
    [InlineData("/reviews/{id}?mask=blur", "mask", "mask must be one of: omit, placeholder, redact, sentences.")]
    [InlineData("/reviews/{id}?format=pdf", "format", "format must be one of: json, html.")]
    [InlineData("/works/{work}/reviews?sort=oldest", "sort", "sort must be one of: newest, rating.")]
    public async Task A_bad_value_is_a_400_problem_naming_the_parameter_and_what_is_allowed(string template, string parameter, string detail)
    {
        var saved = await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://errors.example/{Guid.NewGuid():N}"));
        var path = template.Replace("{id}", $"{saved.ReviewId}", StringComparison.Ordinal).Replace("{work}", $"{saved.WorkId}", StringComparison.Ordinal);

        var response = await api.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(parameter, response.Json.GetProperty("parameter").GetString());
        Assert.Equal(detail, response.Json.GetProperty("detail").GetString());
    }

    // A browser asks for text/html. The problem writer the framework registers writes only for clients that accept JSON, so
    // a middleware's problem (no API key, a key it refuses) found no writer: the service threw and the client got an empty
    // 500; a value that failed to bind got text/plain "Status Code: 400; Bad Request". Found by fuzzing the API.
    [Theory]
    [InlineData("/admin/sources", null, HttpStatusCode.Unauthorized)]
    [InlineData("/admin/sources", "a-wrong-key", HttpStatusCode.Unauthorized)]
    [InlineData("/works/abc/rating", null, HttpStatusCode.BadRequest)]
    [InlineData("/works?limit=0", null, HttpStatusCode.BadRequest)]
    [InlineData("/works/987654321", null, HttpStatusCode.NotFound)]
    [InlineData("/no/such/route", null, HttpStatusCode.NotFound)]
    public async Task A_client_that_asks_for_html_still_gets_its_error_as_a_problem(string path, string? key, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8".Split(',')[0]);
        if (key is not null)
            request.Headers.Add("X-Api-Key", key);

        using var response = await api.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(body);
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(path.Split('?')[0], problem.RootElement.GetProperty("instance").GetString());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400_problem()
    {
        var saved = await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://errors.example/{Guid.NewGuid():N}"));
        using var content = new StringContent("{\"level\": ", Encoding.UTF8, "application/json");

        using var response = await api.Client.PostAsync(new Uri($"/reviews/{saved.ReviewId}/blocks/0/reports", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("request body", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_declared_json_is_a_415_problem()
    {
        using var content = new StringContent("level=major", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await api.Client.PostAsync(new Uri("/reviews/1/blocks/0/reports", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        using var response = await api.Client.DeleteAsync(new Uri("/works", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
