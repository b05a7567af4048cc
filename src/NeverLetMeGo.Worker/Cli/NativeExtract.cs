using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>
/// `nlmg extract DIR --out OUT --no-spoilers` hands the batch to `nlmg-extract`, the same batch compiled ahead of time,
/// when it sits beside nlmg (the Docker image, or both published into one folder): the same files and summary at about
/// 1.6 times the pages per second, because nlmg's JIT and runtime start are most of a short batch's cost (bench/README.md,
/// Extraction). nlmg checks the arguments first, so a mistake reads the same either way; `Extract:InProcess=true` keeps
/// the batch in nlmg.
/// </summary>
internal static class NativeExtract
{
    public const string InProcessSetting = "Extract:InProcess";

    /// <summary>The executable beside nlmg, or null when there is none or the setting keeps the batch in-process.</summary>
    public static string? Locate(IConfiguration configuration)
    {
        if (configuration.GetValue<bool>(InProcessSetting))
            return null;
        var path = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "nlmg-extract.exe" : "nlmg-extract");
        return File.Exists(path) ? path : null;
    }

    /// <summary>
    /// Runs the batch in <paramref name="executable"/> with nlmg's own settings spelled out, its output copied line by line
    /// to nlmg's writers; null when it cannot be started (nlmg then runs the batch itself).
    /// </summary>
    public static async Task<int?> RunAsync(
        string executable, string input, string outDirectory, int threads, long maxBytes, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { input, "--out", outDirectory, "--threads", threads.ToString(CultureInfo.InvariantCulture), "--max-bytes", maxBytes.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            return null;
        }

        await using var stop = ct.Register(() => process.Kill(entireProcessTree: true));
        await Task.WhenAll(CopyAsync(process.StandardOutput, output), CopyAsync(process.StandardError, error), process.WaitForExitAsync(CancellationToken.None));
        ct.ThrowIfCancellationRequested();
        return process.ExitCode;
    }

    private static async Task CopyAsync(StreamReader from, TextWriter to)
    {
        while (await from.ReadLineAsync() is { } line)
            await to.WriteLineAsync(line);
    }
}
