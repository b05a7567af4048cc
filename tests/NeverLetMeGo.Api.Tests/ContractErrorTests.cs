using System.Net;
using System.Text;
using System.Text.Json;

namespace NeverLetMeGo.Api.Tests;

/// <summary>Every error a client can cause is a ProblemDetails with a clear detail, including those the framework used to answer itself.</summary>
public sealed class ContractErrorTests(ApiServer api) : IClassFixture<ApiServer>
{
    private static string Cursor(string raw) => Convert.ToBase64String(Encoding.UTF8.GetBytes(raw)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private async Task<(HttpStatusCode Status, string? ContentType, JsonElement Body)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await api.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
        }
    }

    [Fact]
    public async Task A_16_kib_query_is_a_414_problem()
    {
        var (status, type, body) = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/search?q=" + new string('a', 16 * 1024)));

        Assert.Equal((HttpStatusCode.RequestUriTooLong, "application/problem+json"), (status, type));
        Assert.Contains("at most 8192 characters", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("r:NaN|1")]
    [InlineData("r:Infinity|1")]
    [InlineData("r:-Infinity|1")]
    public async Task A_tampered_rating_cursor_is_a_400_not_page_one(string raw)
    {
        var saved = await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://cursor.example/{Guid.NewGuid():N}"));

        var (status, type, body) = await SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/works/{saved.WorkId}/reviews?sort=rating&cursor={Cursor(raw)}"));

        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (status, type));
        Assert.Equal("cursor", body.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("/works")]
    [InlineData("/reviews/{id}")]
    [InlineData("/healthz")]
    public async Task Head_is_answered_on_every_get_route_without_a_body(string template)
    {
        var saved = await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://head.example/{Guid.NewGuid():N}"));
        using var request = new HttpRequestMessage(HttpMethod.Head, template.Replace("{id}", $"{saved.ReviewId}", StringComparison.Ordinal));

        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_audit_of_an_unknown_review_is_a_404_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/reviews/987654321/audit");
        request.Headers.Add("X-Api-Key", ApiServer.OperatorKey);

        var (status, type, body) = await SendAsync(request);

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (status, type));
        Assert.Equal("Review not found", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_megabyte_report_body_is_a_413_problem()
    {
        var saved = await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://large.example/{Guid.NewGuid():N}"));
        var padded = $"{{\"level\":\"major\",\"pad\":\"{new string('x', 1024 * 1024)}\"}}";
        var request = new HttpRequestMessage(HttpMethod.Post, $"/reviews/{saved.ReviewId}/blocks/0/reports") { Content = new StringContent(padded, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Forwarded-For", "203.0.113.77");

        var (status, type, body) = await SendAsync(request);

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "application/problem+json"), (status, type));
        Assert.Contains("at most 65536 bytes", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_numeric_limit_on_an_operator_list_names_that_lists_range()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin/scrape-jobs?limit=abc");
        request.Headers.Add("X-Api-Key", ApiServer.OperatorKey);

        var (status, _, body) = await SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(("limit", "limit must be between 1 and 1000."), (body.GetProperty("parameter").GetString(), body.GetProperty("detail").GetString()));
    }
}
