using System.Diagnostics;
using System.Text;

namespace NeverLetMeGo.Data.Postgres;

internal sealed record ProcessResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>Runs a command to completion, optionally as another OS user (via runuser), capturing stdout and stderr together.</summary>
internal static class ProcessRunner
{
    // killOnCancel: whether cancelling kills the command and everything it started. Not for pg_ctl: a server it starts is
    // its child until it reports ready, so a host shutting down during a restart would kill the server it had just brought
    // up (unlogged, and left as a zombie where PID 1 does not reap). pg_ctl ends on its own within its -t timeout.
    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, string? runAsUser, string workingDirectory, CancellationToken ct, bool killOnCancel = true)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            // The server user cannot enter root's home; run from a folder it can reach.
            WorkingDirectory = workingDirectory,
        };
        if (runAsUser is null)
        {
            info.FileName = fileName;
        }
        else
        {
            info.FileName = "runuser";
            foreach (var a in (string[])["-u", runAsUser, "--", fileName])
                info.ArgumentList.Add(a);
        }
        foreach (var a in arguments)
            info.ArgumentList.Add(a);
        // Keep messages in English: initdb's output is searched for "locale" to choose a fallback.
        info.Environment["LC_MESSAGES"] = "C";

        using var process = new Process { StartInfo = info };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Could not run {info.FileName}: {e.Message}", e);
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            if (killOnCancel)
                process.Kill(entireProcessTree: true);
            throw;
        }
        // The parameterless wait drains the asynchronous output readers.
        process.WaitForExit();
        lock (output)
            return new ProcessResult(process.ExitCode, output.ToString().TrimEnd());
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }
}
