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
}
