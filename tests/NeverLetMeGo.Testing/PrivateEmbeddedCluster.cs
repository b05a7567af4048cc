using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using NeverLetMeGo.Data.Postgres;

namespace NeverLetMeGo.Testing;

/// <summary>
/// A data folder of its own for a test that runs the embedded default (and kills its postmaster): created 0755 with an
/// owner.pid, as the shared test cluster is, so the server may run as postgres and a killed run is cleaned up; disposing
/// stops the cluster if one was made and deletes the folder.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateEmbeddedCluster : IAsyncDisposable
{
    public PrivateEmbeddedCluster()
    {
        Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.WriteAllText(Path.Combine(Folder, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "nlmg-embedded-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The running postmaster's process id, from its pid file.</summary>
    public int PostmasterPid() => int.Parse(File.ReadLines(Path.Combine(Folder, "pgdata", "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(Path.Combine(Folder, "pgdata")))
            await EmbeddedPostgres.Locate(new DatabaseOptions { DataDirectory = Folder }, NullLogger.Instance).StopAsync(CancellationToken.None);
        Directory.Delete(Folder, recursive: true);
    }
}
