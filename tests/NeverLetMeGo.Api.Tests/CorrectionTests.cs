using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NeverLetMeGo.Api.Tests;

public sealed class CorrectionTests(ApiServer api) : IClassFixture<ApiServer>
{
    private static int _client;

    private async Task<long> SeedAsync() => (await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://reviews.example/{Guid.NewGuid():N}"))).ReviewId;

    /// <summary>Each call is a different client behind the (trusted, loopback) proxy: documentation-range addresses, never contacted.</summary>
    private static string NewClient() => $"192.0.2.{Interlocked.Increment(ref _client)}";

    private async Task<(HttpStatusCode Status, JsonElement Body)> ReportAsync(long id, int index, string level, string? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/reviews/{id}/blocks/{index}/reports") { Content = JsonContent.Create(new { level }) };
        request.Headers.Add("X-Forwarded-For", client ?? NewClient());
        using var response = await api.Client.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> OperatorSetAsync(long id, int index, string level, string? key = ApiServer.OperatorKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/admin/reviews/{id}/blocks/{index}/level") { Content = JsonContent.Create(new { level }) };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await api.Client.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task Reports_past_the_threshold_change_the_effective_level_on_every_surface()
    {
        var id = await SeedAsync();

        var first = await ReportAsync(id, 0, "major");
        var sameClient = NewClient();
        await ReportAsync(id, 0, "major", sameClient);
        var repeat = await ReportAsync(id, 0, "major", sameClient);
        var before = await api.GetAsync($"/reviews/{id}");
        var third = await ReportAsync(id, 0, "major");
        var after = await api.GetAsync($"/reviews/{id}");
        var card = await api.GetAsync($"/reviews/{id}/card");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.False(first.Body.GetProperty("changed").GetBoolean());
        Assert.Equal(2, repeat.Body.GetProperty("reports").GetProperty("major").GetInt32());
        Assert.False(before.Json.GetProperty("blocks")[0].GetProperty("hidden").GetBoolean());
        Assert.True(third.Body.GetProperty("changed").GetBoolean());
        Assert.Equal("major", third.Body.GetProperty("effectiveLevel").GetString());
        var block = after.Json.GetProperty("blocks")[0];
        Assert.True(block.GetProperty("hidden").GetBoolean());
        Assert.Equal("major spoiler: reported by readers", block.GetProperty("reason").GetString());
        Assert.DoesNotContain("The acting is superb", after.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("The acting is superb", card.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operator_sets_the_level_outright_and_every_change_is_audited()
    {
        var id = await SeedAsync();

        var unauthorized = await OperatorSetAsync(id, 3, "none", key: null);
        var set = await OperatorSetAsync(id, 3, "none");
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await ReportAsync(id, 3, "major");
        }

        var review = await api.GetAsync($"/reviews/{id}");
        using var auditRequest = new HttpRequestMessage(HttpMethod.Get, $"/admin/reviews/{id}/audit");
        auditRequest.Headers.Add("X-Api-Key", ApiServer.OperatorKey);
        using var auditResponse = await api.Client.SendAsync(auditRequest);
        var audit = JsonDocument.Parse(await auditResponse.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.Status);
        Assert.Equal(("major", "none"), (set.Body.GetProperty("fromLevel").GetString(), set.Body.GetProperty("effectiveLevel").GetString()));
        Assert.Equal(TestReviews.MajorSecret, review.Json.GetProperty("blocks")[3].GetProperty("text").GetString());
        var entry = Assert.Single(audit.EnumerateArray());
        Assert.Equal(3, entry.GetProperty("index").GetInt32());
        Assert.Equal(("major", "none"), (entry.GetProperty("fromLevel").GetString(), entry.GetProperty("toLevel").GetString()));
        Assert.StartsWith("operator ", entry.GetProperty("actor").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ApiServer.OperatorKey, entry.GetProperty("actor").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_are_rate_limited_per_client_with_a_problem()
    {
        var id = await SeedAsync();
        var client = NewClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await ReportAsync(id, 4, "premise", client)).Status);
        }

        var other = await ReportAsync(id, 4, "premise");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5).Append(HttpStatusCode.TooManyRequests), statuses);
        Assert.Equal(HttpStatusCode.OK, other.Status);
    }

    [Theory]
    [InlineData("{\"level\":\"huge\"}", HttpStatusCode.BadRequest)]
    [InlineData("{}", HttpStatusCode.BadRequest)]
    public async Task Bad_reports_are_problems(string body, HttpStatusCode status)
    {
        var id = await SeedAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/reviews/{id}/blocks/0/reports") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Forwarded-For", NewClient());

        using var response = await api.Client.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Reporting_an_unknown_block_is_a_404_problem()
    {
        var id = await SeedAsync();

        var response = await ReportAsync(id, 99, "major");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("Block not found", response.Body.GetProperty("title").GetString());
    }
}
