using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NeverLetMeGo.Testing;
using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

/// <summary>A worker whose output is not a terminal (a service, a container) writes log records only, structured when asked.</summary>
public sealed class WorkerLogTests(WorkerDatabase database) : IClassFixture<WorkerDatabase>
{
    [Fact]
    public async Task Without_a_terminal_the_worker_writes_json_log_records_with_named_fields_and_no_progress_line()
    {
        await using var site = await LocalSite.StartAsync(root: null, routes =>
            routes.MapGet("/broken", () => Results.StatusCode(StatusCodes.Status500InternalServerError)));
        var broken = site.Url("broken").AbsoluteUri;
        var settings = database.Settings(
            ("Scraper:MaxAttempts", "1"), ("Scraper:HostDelaySeconds", "0"), ("Scraper:PollIntervalSeconds", "0.1"),
            ("Logging:Console:FormatterName", "json"));
        var enqueued = await Nlmg.RunAsync(settings, "enqueue", broken);
        Assert.True(enqueued.ExitCode == 0, enqueued.ToString());

        using var worker = NlmgProcess.Start(settings, "worker", "--exit-when-empty");
        Assert.True(await worker.WaitAsync(TimeSpan.FromMinutes(2)) == 0, worker.ToString());

        var records = worker.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var failed = Assert.Single(records, r => r.GetProperty("State").TryGetProperty("Reason", out _));
        Assert.Equal("Warning", failed.GetProperty("LogLevel").GetString());
        Assert.Equal(broken, failed.GetProperty("State").GetProperty("Url").GetString());
        Assert.Equal("HTTP 500 Internal Server Error", failed.GetProperty("State").GetProperty("Reason").GetString());
        Assert.DoesNotContain("pages done", worker.Error, StringComparison.Ordinal);

        // By default: one plain line per record, the same fields in the message.
        var plain = database.Settings(("Scraper:MaxAttempts", "1"), ("Scraper:HostDelaySeconds", "0"), ("Scraper:PollIntervalSeconds", "0.1"));
        Assert.Equal(0, (await Nlmg.RunAsync(plain, "enqueue", broken)).ExitCode);
        using var again = NlmgProcess.Start(plain, "worker", "--exit-when-empty");
        Assert.True(await again.WaitAsync(TimeSpan.FromMinutes(2)) == 0, again.ToString());
        var lines = again.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.Matches(@"^\d\d:\d\d:\d\d (info|warn|fail|crit): ", line));
        Assert.Single(lines, line => line.Contains($"{broken} failed", StringComparison.Ordinal) && line.Contains("HTTP 500", StringComparison.Ordinal));
    }
}
