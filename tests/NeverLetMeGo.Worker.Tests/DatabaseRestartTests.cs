using Microsoft.Extensions.Logging.Abstractions;
using NeverLetMeGo.Data.Postgres;
using NeverLetMeGo.Worker.Cli;
using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

/// <summary>A PostgreSQL of its own, stopped and started again under a running worker.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DatabaseRestartTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nlmg-embedded-" + Guid.NewGuid().ToString("N")[..12]);
    private EmbeddedPostgres _postgres = null!;

    private DatabaseOptions Options => new() { DataDirectory = _folder };

    public async Task InitializeAsync()
    {
        // 0755 and owner.pid as the shared test cluster does: the server may run as postgres, and a killed run is cleaned up.
        Directory.CreateDirectory(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        await File.WriteAllTextAsync(Path.Combine(_folder, "owner.pid"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _postgres = await EmbeddedPostgres.StartAsync(Options, NullLogger.Instance, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _postgres.StopAsync(CancellationToken.None);
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_database_restart_under_a_running_worker_is_logged_backed_off_and_loses_nothing()
    {
        await using var site = await CopySite.StartAsync(delay: TimeSpan.FromMilliseconds(50));
        var urls = CopySite.Urls(site, 30);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reviews"] = _postgres.ConnectionString,
            ["Scraper:HostDelaySeconds"] = "0.1",
            ["Scraper:PollIntervalSeconds"] = "0.2",
        };
        var enqueued = await Nlmg.RunAsync(settings, ["enqueue", .. urls]);
        Assert.True(enqueued.ExitCode == 0, enqueued.ToString());

        using var error = new StringWriter();
        var log = TextWriter.Synchronized(error);
        using var stop = new CancellationTokenSource();
        var worker = NlmgCli.RunAsync(["worker", "--concurrency", "2"], TextWriter.Null, log, settings, stop.Token);
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        await WaitForAsync(() => CountOf(error.ToString(), ": created review ") >= 3, patience.Token, error);
        await _postgres.StopAsync(CancellationToken.None);
        await WaitForAsync(() => error.ToString().Contains("failed", StringComparison.Ordinal) && error.ToString().Contains("retrying in", StringComparison.Ordinal), patience.Token, error);
        _postgres = await EmbeddedPostgres.StartAsync(Options, NullLogger.Instance, CancellationToken.None);
        await WaitForAsync(() => CountOf(error.ToString(), ": created review ") + CountOf(error.ToString(), ": unchanged review ") >= 30, patience.Token, error);
        await stop.CancelAsync();
        Assert.Equal(0, await worker);

        await using var db = Npgsql.NpgsqlDataSource.Create(_postgres.ConnectionString);
        await using var reviews = db.CreateCommand("select count(*) from reviews");
        Assert.Equal(30L, await reviews.ExecuteScalarAsync());
        await using var open = db.CreateCommand("select count(*) from scrape_jobs where state <> 'done'");
        Assert.Equal(0L, await open.ExecuteScalarAsync());
    }

    private static async Task WaitForAsync(Func<bool> condition, CancellationToken ct, StringWriter log)
    {
        while (!condition())
        {
            if (ct.IsCancellationRequested)
                Assert.Fail("gave up waiting; the worker said:\n" + log);
            await Task.Delay(100, CancellationToken.None);
        }
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}
