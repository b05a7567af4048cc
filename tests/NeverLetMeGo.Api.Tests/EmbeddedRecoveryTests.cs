using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NeverLetMeGo.Testing;
using Npgsql;

namespace NeverLetMeGo.Api.Tests;

/// <summary>The API on the embedded default, its postmaster killed: reads answer 503 with Retry-After, then 200 again without restarting the API.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class EmbeddedRecoveryTests : IAsyncLifetime
{
    private readonly PrivateEmbeddedCluster _cluster = new();
    private WebApplication? _app;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_killed_embedded_postgres_is_restarted_and_reads_answer_503_with_retry_after_meanwhile()
    {
        _app = await ApiApp.BuildAsync([], new Dictionary<string, string?>
        {
            ["Database:DataDirectory"] = _cluster.Folder,
            ["Samples:ImportOnFirstStart"] = "false",
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["RateLimits:ReadsPerMinute"] = "1000000",
        });
        await _app.StartAsync();
        using var client = new HttpClient(new Contract.ContractCheckingHandler(Contract.ContractDocument.Committed)) { BaseAddress = new Uri(_app.Urls.First()) };
        var saved = await TestReviews.SaveAsync(_app.Services.GetRequiredService<NpgsqlDataSource>(), TestReviews.Tagged("https://recovery.example/r"));
        var path = $"/reviews/{saved.ReviewId}";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);

        var pid = _cluster.PostmasterPid();
        using (var postmaster = Process.GetProcessById(pid))
        {
            postmaster.Kill();
            await postmaster.WaitForExitAsync();
        }

        var unavailable = 0;
        var readyzLeaks = new List<string>();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            Assert.False(patience.IsCancellationRequested, $"reads never came back ({unavailable} answers were 503)");
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
                break;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            unavailable++;
            var ready = await (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).Content.ReadAsStringAsync();
            if (ready.Contains(_cluster.Folder, StringComparison.Ordinal) || ready.Contains(".s.PGSQL", StringComparison.Ordinal))
                readyzLeaks.Add(ready);
            await Task.Delay(50);
        }

        Assert.True(unavailable > 0, "the outage was never seen");
        Assert.Empty(readyzLeaks);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
    }
}
