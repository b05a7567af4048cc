using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using NeverLetMeGo.Testing;
using NeverLetMeGo.Worker.Cli;
using NeverLetMeGo.Worker.Queue;
using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

/// <summary>How the worker treats a database it cannot use: an outage is waited out, a broken schema stops it.</summary>
public sealed class WorkerFailureTests
{
    [Fact]
    public async Task An_unreachable_database_is_backed_off_and_never_taken_for_an_empty_queue()
    {
        using var error = new StringWriter();
        var log = TextWriter.Synchronized(error);
        var context = new CliContext(NlmgCli.BuildConfiguration(null), TextWriter.Null, log, NullLoggerFactory.Instance, isTerminal: false);
        // Nothing listens on port 1: every claim fails at once. With --exit-when-empty a worker that took that for
        // "no work" would stop after the first claim.
        using var host = WorkerCommand.Build(context, "Host=127.0.0.1;Port=1;Username=nobody;Database=nothing;Timeout=3", new WorkerRunOptions(ExitWhenEmpty: true, Concurrency: 1));
        var lifetime = (IHostApplicationLifetime)host.Services.GetService(typeof(IHostApplicationLifetime))!;

        await host.StartAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        // The synchronized writer locks on itself while the worker writes; reading the buffer takes the same lock.
        string Logged()
        {
            lock (log)
                return error.ToString();
        }

        while (CountOf(Logged(), "Claiming a scrape job failed") < 2)
            await Task.Delay(100, patience.Token);

        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, Logged());
        await host.StopAsync();
    }

    [Fact]
    public async Task A_database_without_the_queue_table_stops_the_worker_with_exit_code_1()
    {
        var empty = await PostgresServer.CreateEmptyDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reviews"] = empty,
            ["Database:MigrateOnStart"] = "false",
        };

        var result = await Nlmg.RunAsync(settings, "worker", "--exit-when-empty");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: the worker stopped: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("scrape_jobs", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Queue drained", result.Out, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}
