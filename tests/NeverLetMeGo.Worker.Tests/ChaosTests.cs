using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using NeverLetMeGo.Api;
using NeverLetMeGo.Data.Postgres;
using NeverLetMeGo.Worker.Cli;
using NeverLetMeGo.Worker.Tests.Support;
using NeverLetMeGo.Testing;
using Npgsql;

namespace NeverLetMeGo.Worker.Tests;

/// <summary>
/// The embedded default under fire: its postmaster killed (SIGKILL, its pid only) while a worker drains 200 jobs and the
/// API serves reads. Both bring it back; every job ends done once, no review is stored twice, and the same API process
/// answers 200 again.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ChaosTests : IAsyncLifetime
{
    private const int Jobs = 200;
    private readonly PrivateEmbeddedCluster _cluster = new();
    private WebApplication? _api;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.StopAsync();
            await _api.DisposeAsync();
        }

        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_postmaster_killed_mid_drain_loses_no_job_duplicates_no_review_and_reads_come_back()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:DataDirectory"] = _cluster.Folder,
            ["Samples:ImportOnFirstStart"] = "false",
            ["Scraper:HostDelaySeconds"] = "0",
            ["Scraper:PollIntervalSeconds"] = "0.2",
        };
        _api = await ApiApp.BuildAsync([], new Dictionary<string, string?>(settings)
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Critical",
            ["RateLimits:ReadsPerMinute"] = "1000000",
        });
        await _api.StartAsync();
        using var reader = new HttpClient { BaseAddress = new Uri(_api.Urls.First()) };
        await using var site = await CopySite.StartAsync(delay: TimeSpan.FromMilliseconds(20));
        var enqueued = await Nlmg.RunAsync(settings, ["enqueue", .. CopySite.Urls(site, Jobs)]);
        Assert.True(enqueued.ExitCode == 0, enqueued.ToString());

        using var log = new StringWriter();
        var synchronizedLog = TextWriter.Synchronized(log);
        using var stop = new CancellationTokenSource();
        var worker = NlmgCli.RunAsync(["worker", "--concurrency", "4"], TextWriter.Null, synchronizedLog, settings, stop.Token);
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var statuses = new List<HttpStatusCode>();
        var reads = Task.Run(async () =>
        {
            while (!patience.IsCancellationRequested && !stop.IsCancellationRequested)
            {
                using var response = await reader.GetAsync(new Uri("/works", UriKind.Relative), CancellationToken.None);
                lock (statuses)
                    statuses.Add(response.StatusCode);
                await Task.Delay(20, CancellationToken.None);
            }
        });

        await WaitForAsync(() => Count(log.ToString(), " review ") >= 30, patience.Token, log);
        var pid = _cluster.PostmasterPid();
        using (var postmaster = Process.GetProcessById(pid))
            postmaster.Kill();
        await WaitForAsync(() => DoneAsync().GetAwaiter().GetResult() == Jobs, patience.Token, log);
        await stop.CancelAsync();
        Assert.Equal(0, await worker);
        await reads;

        await using var db = NpgsqlDataSource.Create(EmbeddedPostgres.Locate(new DatabaseOptions { DataDirectory = _cluster.Folder }, NullLogger.Instance).ConnectionString);
        Assert.Equal(0L, await ScalarAsync(db, "select count(*) from scrape_jobs where state <> 'done'"));
        Assert.Equal((long)Jobs, await ScalarAsync(db, "select count(*) from reviews"));
        Assert.Equal(0L, await ScalarAsync(db, "select count(*) from (select url from reviews group by url having count(*) > 1) d"));
        using var after = await reader.GetAsync(new Uri("/works", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        lock (statuses)
        {
            Assert.Contains(HttpStatusCode.ServiceUnavailable, statuses);
            Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"a read answered {(int)s}"));
        }
    }

    private async Task<long> DoneAsync()
    {
        try
        {
            await using var db = NpgsqlDataSource.Create(EmbeddedPostgres.Locate(new DatabaseOptions { DataDirectory = _cluster.Folder }, NullLogger.Instance).ConnectionString);
            return await ScalarAsync(db, "select count(*) from scrape_jobs where state = 'done'");
        }
        catch (NpgsqlException)
        {
            return -1;
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task WaitForAsync(Func<bool> condition, CancellationToken ct, StringWriter log)
    {
        while (!condition())
        {
            if (ct.IsCancellationRequested)
                Assert.Fail("gave up waiting; the worker said:\n" + log.ToString()[^Math.Min(log.ToString().Length, 4000)..]);
            await Task.Delay(200, CancellationToken.None);
        }
    }

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}
