using System.Net;
using System.Text;
using System.Text.Json;

namespace NeverLetMeGo.Api.Tests;

/// <summary>Strings PostgreSQL cannot store (NUL, unpaired surrogates) are the client's mistake: a 400 naming where, never a 500.</summary>
public sealed class StorableInputTests(ApiServer api) : IClassFixture<ApiServer>
{
    [Theory]
    [InlineData("/search?q=%00", "q")]
    [InlineData("/works/{work}/reviews?site=a%00b", "site")]
    [InlineData("/works/{work}/reviews?cursor=%00", "cursor")]
    [InlineData("/works?cursor=x%00", "cursor")]
    [InlineData("/reviews/{id}?spoilers=none%00", "spoilers")]
    public async Task A_nul_in_the_query_is_a_400_problem_naming_the_parameter(string template, string parameter)
    {
        var saved = await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://nul.example/{Guid.NewGuid():N}"));
        var path = template.Replace("{id}", $"{saved.ReviewId}", StringComparison.Ordinal).Replace("{work}", $"{saved.WorkId}", StringComparison.Ordinal);

        var response = await api.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(parameter, response.Json.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("{\"term\":\"the l\\u0000etter\",\"level\":\"major\"}", "term")]
    [InlineData("{\"term\":\"the \\ud800letter\",\"level\":\"major\"}", "term")]
    [InlineData("{\"term\":\"the letter\",\"level\":\"major\\u0000\"}", "level")]
    public async Task A_nul_in_a_json_body_is_a_400_problem_naming_the_property(string body, string parameter)
    {
        var saved = await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://nul.example/{Guid.NewGuid():N}"));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/admin/works/{saved.WorkId}/spoiler-terms/") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", ApiServer.OperatorKey);

        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(parameter, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("parameter").GetString());
    }
}
