using System.Net;

namespace NeverLetMeGo.Api.Tests;

/// <summary>An API whose reads are limited to three a minute per client, so the limit can be reached in a test.</summary>
public sealed class ReadLimitedApiServer : ApiServer
{
    protected override int ReadsPerMinute => 3;
}

public sealed class ReadRateLimitTests(ReadLimitedApiServer api) : IClassFixture<ReadLimitedApiServer>
{
    private async Task<HttpResponseMessage> GetAsync(string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/works");
        request.Headers.Add("X-Forwarded-For", client);
        return await api.Client.SendAsync(request);
    }

    [Fact]
    public async Task Reads_past_the_limit_are_429_problems_with_retry_after_and_other_clients_still_read()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await GetAsync("198.51.100.7");
            statuses.Add(ok.StatusCode);
        }

        using var limited = await GetAsync("198.51.100.7");
        using var other = await GetAsync("198.51.100.8");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Too many requests", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Probes_and_metrics_answer_past_the_readers_limit()
    {
        const string client = "198.51.100.21";
        for (var i = 0; i < 4; i++)
        {
            using var read = await GetAsync(client);
        }

        foreach (var probe in new[] { "/healthz", "/readyz", "/metrics" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, probe);
            request.Headers.Add("X-Forwarded-For", client);
            using var response = await api.Client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{probe}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Wrong_keys_are_limited_per_client_and_the_body_of_an_unkeyed_request_is_never_read()
    {
        const string guesser = "198.51.100.31";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            // Not JSON at all: a gate that parsed the body before the key would answer 400.
            using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/scrape-jobs") { Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Forwarded-For", guesser);
            request.Headers.Add("X-Api-Key", $"guess-{i}");
            using var response = await api.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        using var rightKeyTooLate = await AdminAsync(guesser, ApiServer.OperatorKey);
        using var otherClient = await AdminAsync("198.51.100.32", ApiServer.OperatorKey);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 10), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightKeyTooLate.StatusCode);
        Assert.Equal("application/problem+json", rightKeyTooLate.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(rightKeyTooLate.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
    }

    private async Task<HttpResponseMessage> AdminAsync(string client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/scrape-jobs") { Content = System.Net.Http.Json.JsonContent.Create(new { urls = new[] { "https://blog.example/limit" } }) };
        request.Headers.Add("X-Forwarded-For", client);
        request.Headers.Add("X-Api-Key", key);
        return await api.Client.SendAsync(request);
    }
}
