using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NeverLetMeGo.Api.Tests;

/// <summary>Anonymous reports may hide more on their own, never less: a lowering waits for an operator.</summary>
public sealed class ReportPolicyTests(ApiServer api) : IClassFixture<ApiServer>
{
    private static int _client;

    private async Task<long> SeedAsync() => (await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://reviews.example/{Guid.NewGuid():N}"))).ReviewId;

    /// <summary>Documentation-range addresses behind the trusted loopback proxy, never contacted.</summary>
    private static string NewClient() => $"198.51.100.{Interlocked.Increment(ref _client)}";

    private async Task<JsonElement> ReportAsync(long id, int index, string level, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/reviews/{id}/blocks/{index}/reports") { Content = JsonContent.Create(new { level }) };
        request.Headers.Add("X-Forwarded-For", client);
        using var response = await api.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> AdminAsync(HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", ApiServer.OperatorKey);
        using var response = await api.Client.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task Addresses_of_one_ipv6_64_count_as_one_client()
    {
        var id = await SeedAsync();

        JsonElement last = default;
        foreach (var address in new[] { "2001:db8:5:7::1", "2001:db8:5:7::2", "2001:db8:5:7:ffff::3" })
            last = await ReportAsync(id, 0, "major", address);

        Assert.Equal(1, last.GetProperty("reports").GetProperty("major").GetInt32());
        Assert.False(last.GetProperty("changed").GetBoolean());
        Assert.False((await api.GetAsync($"/reviews/{id}")).Json.GetProperty("blocks")[0].GetProperty("hidden").GetBoolean());
    }

    [Fact]
    public async Task Reports_that_would_un_hide_a_major_spoiler_wait_for_an_operator_who_accepts_them()
    {
        var id = await SeedAsync();

        JsonElement last = default;
        for (var i = 0; i < 3; i++)
            last = await ReportAsync(id, 3, "none", NewClient());
        var meanwhile = await api.GetAsync($"/reviews/{id}");
        var pending = await AdminAsync(HttpMethod.Get, "/admin/reports?state=pending");

        Assert.Equal(("major", false, true), (last.GetProperty("effectiveLevel").GetString(), last.GetProperty("changed").GetBoolean(), last.GetProperty("pendingReview").GetBoolean()));
        Assert.DoesNotContain("MAJOR-SECRET", meanwhile.Body, StringComparison.Ordinal);
        var request = Assert.Single(pending.Body.GetProperty("items").EnumerateArray(), r => r.GetProperty("reviewId").GetInt64() == id);
        Assert.Equal(("major", "none", 3, "pending"), (request.GetProperty("fromLevel").GetString(), request.GetProperty("toLevel").GetString(), request.GetProperty("reports").GetInt32(), request.GetProperty("state").GetString()));

        var requestId = request.GetProperty("id").GetInt64();
        var accepted = await AdminAsync(HttpMethod.Post, $"/admin/reports/{requestId}/accept");
        var again = await AdminAsync(HttpMethod.Post, $"/admin/reports/{requestId}/reject");
        var after = await api.GetAsync($"/reviews/{id}");
        var audit = await AdminAsync(HttpMethod.Get, $"/admin/reviews/{id}/audit");

        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Equal("accepted", accepted.Body.GetProperty("state").GetString());
        Assert.StartsWith("operator ", accepted.Body.GetProperty("decidedBy").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal(TestReviews.MajorSecret, after.Json.GetProperty("blocks")[3].GetProperty("text").GetString());
        var entry = Assert.Single(audit.Body.EnumerateArray());
        Assert.Equal(("major", "none"), (entry.GetProperty("fromLevel").GetString(), entry.GetProperty("toLevel").GetString()));
        Assert.EndsWith("(accepted 3 reader reports)", entry.GetProperty("actor").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_request_leaves_the_block_hidden_and_is_listed_as_rejected()
    {
        var id = await SeedAsync();
        for (var i = 0; i < 3; i++)
            await ReportAsync(id, 2, "none", NewClient());
        var pending = await AdminAsync(HttpMethod.Get, "/admin/reports");
        var requestId = pending.Body.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("reviewId").GetInt64() == id).GetProperty("id").GetInt64();

        var rejected = await AdminAsync(HttpMethod.Post, $"/admin/reports/{requestId}/reject");
        var listed = await AdminAsync(HttpMethod.Get, "/admin/reports?state=rejected");
        var unknown = await AdminAsync(HttpMethod.Post, "/admin/reports/999999999/accept");
        var badState = await AdminAsync(HttpMethod.Get, "/admin/reports?state=maybe");

        Assert.Equal(HttpStatusCode.OK, rejected.Status);
        Assert.Contains(listed.Body.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt64() == requestId);
        Assert.DoesNotContain("PREMISE-SECRET", (await api.GetAsync($"/reviews/{id}")).Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal((HttpStatusCode.BadRequest, "state"), (badState.Status, badState.Body.GetProperty("parameter").GetString()));
    }
}
