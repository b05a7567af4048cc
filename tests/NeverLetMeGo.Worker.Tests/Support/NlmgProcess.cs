using System.Diagnostics;
using System.Text;

namespace NeverLetMeGo.Worker.Tests.Support;

/// <summary>A real `nlmg` process (the built nlmg.dll run by dotnet), for tests that kill or scale out workers.</summary>
internal sealed class NlmgProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();

    private NlmgProcess(Process process) => _process = process;

    public string Out
    {
        get
        {
            lock (_out)
                return _out.ToString();
        }
    }

    public string Error
    {
        get
        {
            lock (_error)
                return _error.ToString();
        }
    }

    public static NlmgProcess Start(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "nlmg.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Settings travel as environment variables (Section__Key), the way an operator configures a worker.
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = new Process { StartInfo = start };
        var nlmg = new NlmgProcess(process);
        process.OutputDataReceived += (_, e) => Append(nlmg._out, e.Data);
        process.ErrorDataReceived += (_, e) => Append(nlmg._error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return nlmg;
    }

    public async Task<int> WaitAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs, as when a machine dies.</summary>
    public void Kill() => _process.Kill(entireProcessTree: false);

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill();
        _process.Dispose();
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
            return;
        lock (buffer)
            buffer.AppendLine(line);
    }

    public override string ToString() => $"--- stdout\n{Out}\n--- stderr\n{Error}";
}
