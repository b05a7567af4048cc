using NeverLetMeGo.Data.Postgres;

namespace NeverLetMeGo.Data.Tests;

/// <summary>
/// What cancelling a command does to what it started: pg_ctl start's server is its child until it reports ready, so a
/// host stopping during a restart must not take the server down with the command.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ProcessRunnerTests
{
    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task Cancelling_leaves_what_the_command_started_running_unless_asked_to_kill_it(bool killOnCancel, bool childSurvives)
    {
        var folder = Directory.CreateTempSubdirectory("nlmg-runner-").FullName;
        var pidFile = Path.Combine(folder, "child.pid");
        try
        {
            using var cancel = new CancellationTokenSource();
            // A command that starts a child and waits for it, as pg_ctl start -w waits for its server.
            var run = ProcessRunner.RunAsync("sh", ["-c", $"sleep 60 & echo $! > {pidFile}; wait"], runAsUser: null, folder, cancel.Token, killOnCancel);
            var child = await ReadPidAsync(pidFile);
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

            await Task.Delay(300);
            Assert.Equal(childSurvives, IsAlive(child));
        }
        finally
        {
            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) && IsAlive(pid))
                System.Diagnostics.Process.GetProcessById(pid).Kill();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> ReadPidAsync(string path)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            if (File.Exists(path) && int.TryParse((await File.ReadAllTextAsync(path, patience.Token)).Trim(), out var pid))
                return pid;
            await Task.Delay(20, patience.Token);
        }
    }

    // A killed child may linger as a zombie until its parent is reaped: dead all the same.
    private static bool IsAlive(int pid)
    {
        try
        {
            var line = File.ReadAllText($"/proc/{pid}/stat");
            return line[(line.LastIndexOf(')') + 2)..].FirstOrDefault() != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
