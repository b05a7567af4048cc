using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NeverLetMeGo.Data.Jobs;
using NeverLetMeGo.Data.Sources;

namespace NeverLetMeGo.Api.Tests;

/// <summary>The admin scrape-jobs and sources endpoints over HTTP, with and without the operator key.</summary>
public sealed class AdminScrapeApiTests(ApiServer api) : IClassFixture<ApiServer>
{
    [Theory]
    [InlineData("GET", "/admin/scrape-jobs", null)]
    [InlineData("GET", "/admin/scrape-jobs/1", null)]
    [InlineData("POST", "/admin/scrape-jobs", "wrong-key")]
    [InlineData("GET", "/admin/sources", "")]
    [InlineData("POST", "/admin/sources", "TEST-OPERATOR-KEY")]
    public async Task Without_a_valid_key_every_admin_endpoint_answers_401_problem(string method, string path, string? key)
    {
        using var response = await SendAsync(method, path, key, new { urls = new[] { "https://blog.example/r" }, url = "https://blog.example/sitemap.xml" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Equal("API key required", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Posted_urls_become_canonical_jobs_that_can_be_listed_by_state_and_read_back()
    {
        using var posted = await SendAsync("POST", "/admin/scrape-jobs", ApiServer.OperatorKey,
            new { urls = new[] { "https://blog.example/a?utm_source=x#top", "https://blog.example/a", "https://blog.example/b" } });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var jobs = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement.GetProperty("jobs");
        Assert.Equal(["https://blog.example/a", "https://blog.example/a", "https://blog.example/b"], jobs.EnumerateArray().Select(j => j.GetProperty("url").GetString()));
        Assert.Equal(jobs[0].GetProperty("id").GetInt64(), jobs[1].GetProperty("id").GetInt64());

        using var pending = await SendAsync("GET", "/admin/scrape-jobs?state=pending", ApiServer.OperatorKey);
        var items = JsonDocument.Parse(await pending.Content.ReadAsStringAsync()).RootElement.GetProperty("items");
        Assert.Contains(items.EnumerateArray(), j => j.GetProperty("url").GetString() == "https://blog.example/b");
        Assert.All(items.EnumerateArray(), j => Assert.Equal("pending", j.GetProperty("state").GetString()));

        var id = jobs[2].GetProperty("id").GetInt64();
        using var one = await SendAsync("GET", $"/admin/scrape-jobs/{id}", ApiServer.OperatorKey);
        var job = JsonDocument.Parse(await one.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("https://blog.example/b", "pending", 0), (job.GetProperty("url").GetString(), job.GetProperty("state").GetString(), job.GetProperty("attempts").GetInt32()));
        Assert.Equal(JsonValueKind.Null, job.GetProperty("sourceId").ValueKind);
    }

    [Fact]
    public async Task A_job_queued_from_a_source_names_it()
    {
        var (source, _) = await new SourceStore(api.Db).AddAsync("https://source.example/feed.xml", SourceKinds.Feed, CancellationToken.None);
        var id = await new ScrapeJobQueue(api.Db, TimeProvider.System).EnqueueAsync("https://source.example/review", source.Id, CancellationToken.None);

        using var one = await SendAsync("GET", $"/admin/scrape-jobs/{id}", ApiServer.OperatorKey);

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(source.Id, JsonDocument.Parse(await one.Content.ReadAsStringAsync()).RootElement.GetProperty("sourceId").GetInt64());
    }

    [Theory]
    [InlineData("POST", "/admin/scrape-jobs", """{"urls":["ftp://blog.example/x"]}""", 400, "urls")]
    [InlineData("POST", "/admin/scrape-jobs", """{"urls":[]}""", 400, "urls")]
    [InlineData("GET", "/admin/scrape-jobs?state=lost", null, 400, "state")]
    [InlineData("GET", "/admin/scrape-jobs/999999", null, 404, null)]
    [InlineData("POST", "/admin/sources", """{"url":"https://blog.example/feed","kind":"podcast"}""", 400, "kind")]
    [InlineData("POST", "/admin/sources", """{"url":"not a url"}""", 400, "url")]
    public async Task Bad_requests_get_a_problem_naming_the_parameter(string method, string path, string? json, int status, string? parameter)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("X-Api-Key", ApiServer.OperatorKey);
        if (json is not null)
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await api.Client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        if (parameter is not null)
            Assert.Contains(parameter, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_is_registered_once_and_listed()
    {
        using var first = await SendAsync("POST", "/admin/sources", ApiServer.OperatorKey, new { url = "https://blog.example/sitemap_index.xml" });
        using var second = await SendAsync("POST", "/admin/sources", ApiServer.OperatorKey, new { url = "https://blog.example/sitemap_index.xml#x" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var source = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("sitemap", source.GetProperty("kind").GetString());

        using var listed = await SendAsync("GET", "/admin/sources", ApiServer.OperatorKey);
        var items = JsonDocument.Parse(await listed.Content.ReadAsStringAsync()).RootElement.GetProperty("items");
        Assert.Single(items.EnumerateArray(), s => s.GetProperty("url").GetString() == "https://blog.example/sitemap_index.xml");
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "non-public address 169.254.169.254")]
    [InlineData("http://[::1]:8080/admin", "non-public address ::1")]
    [InlineData("http://2130706433/", "non-public address 127.0.0.1")]
    [InlineData("http://localhost./x", "names a loopback address")]
    [InlineData("https://critic:hunter2@blog.example/r", "carries credentials")]
    public async Task Urls_the_workers_would_refuse_are_refused_at_enqueue_with_the_reason_and_nothing_is_queued(string url, string reason)
    {
        var marker = $"https://blog.example/{Guid.NewGuid():N}";

        using var response = await SendAsync("POST", "/admin/scrape-jobs", ApiServer.OperatorKey, new { urls = new[] { marker, url } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("urls", problem.GetProperty("parameter").GetString());
        Assert.StartsWith("refused ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", problem.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain((await new ScrapeJobQueue(api.Db, TimeProvider.System).ListAsync(null, 1000, CancellationToken.None)), j => j.Url == marker);
    }

    [Fact]
    public async Task A_url_that_parses_but_cannot_be_built_again_is_a_400_not_a_500()
    {
        using var response = await SendAsync("POST", "/admin/scrape-jobs", ApiServer.OperatorKey, new { urls = new[] { "https://:443@blog.example/r" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("not an absolute http(s) URL", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_url_longer_than_2048_characters_is_refused_at_enqueue()
    {
        using var response = await SendAsync("POST", "/admin/scrape-jobs", ApiServer.OperatorKey, new { urls = new[] { "https://blog.example/" + new string('a', 2100) } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("longer than 2048 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path, string? key, object? body = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (key is not null)
            request.Headers.Add("X-Api-Key", key);
        if (method == "POST")
            request.Content = JsonContent.Create(body);
        return await api.Client.SendAsync(request);
    }
}
