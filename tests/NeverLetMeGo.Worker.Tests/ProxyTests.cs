using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NeverLetMeGo.Testing;
using NeverLetMeGo.Worker.Fetching;
using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

/// <summary>
/// A proxy hides the target's address from the connect-time check, so the environment's proxy is never used and a
/// configured one only carries requests whose target passed the check first. The "proxy" here is a local server that
/// answers every request it is handed, as a forward proxy would, and records it.
/// </summary>
public sealed class ProxyTests(WorkerDatabase database) : IClassFixture<WorkerDatabase>
{
    private static Task<LocalSite> StartProxyAsync() => LocalSite.StartAsync(root: null, routes =>
        routes.MapGet("/{**path}", () => Results.Bytes(File.ReadAllBytes(SamplePages.All[0]), "text/html; charset=utf-8")));

    [Fact]
    public async Task A_configured_proxy_never_carries_a_request_for_a_refused_address()
    {
        await using var proxy = await StartProxyAsync();
        using var fetcher = new PageFetcher(new ScraperOptions { Proxy = proxy.BaseUri.AbsoluteUri, AllowedHosts = ["127.0.0.1"] });

        var refused = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync("http://169.254.169.254/latest/meta-data/", CancellationToken.None));
        // Allow-listed: the request goes through the proxy (nothing listens on port 9; only the proxy can answer).
        var carried = await fetcher.FetchAsync("http://127.0.0.1:9/allowed.html", CancellationToken.None);

        Assert.Equal(("refused_address", true), (refused.Kind, refused.Permanent));
        Assert.StartsWith("refused: 169.254.169.254 resolves to the non-public address", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Never Let Me Go", carried.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["/allowed.html"], proxy.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task The_environment_proxy_is_ignored_so_a_refused_address_stays_refused()
    {
        await using var proxy = await StartProxyAsync();
        var settings = new Dictionary<string, string?>(database.Settings()) { ["HTTP_PROXY"] = proxy.BaseUri.AbsoluteUri, ["http_proxy"] = proxy.BaseUri.AbsoluteUri };
        using var nlmg = NlmgProcess.Start(settings, "scrape", "http://169.254.169.254/latest/meta-data/");

        var exitCode = await nlmg.WaitAsync(TimeSpan.FromSeconds(120));

        Assert.True(exitCode == 2, nlmg.ToString());
        Assert.Contains("refused: 169.254.169.254 resolves to the non-public address", nlmg.Out, StringComparison.Ordinal);
        Assert.Empty(proxy.Requests);
    }

    [Fact]
    public async Task Enqueue_refuses_what_the_fetcher_would_refuse_names_every_reason_and_queues_nothing()
    {
        var marker = $"https://blog.example/{Guid.NewGuid():N}";
        var settings = database.Settings(("Scraper:AllowedHosts:0", "example.invalid"));

        var result = await Nlmg.RunAsync(settings, "enqueue", marker, "http://10.1.2.3/x", "http://localhost:9/x", "https://critic:hunter2@blog.example/r",
            "https://blog.example/" + new string('a', 2100));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("refused http://10.1.2.3/x: 10.1.2.3 is the non-public address 10.1.2.3", result.Error, StringComparison.Ordinal);
        Assert.Contains("refused http://localhost:9/x: localhost names a loopback address", result.Error, StringComparison.Ordinal);
        Assert.Contains("refused https://***@blog.example/r: the URL carries credentials", result.Error, StringComparison.Ordinal);
        Assert.Contains("the URL is longer than 2048 characters", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Error + result.Out, StringComparison.Ordinal);
        Assert.Equal(0, await database.CountAsync($"select count(*) from scrape_jobs where url = '{marker}'"));
    }
}
