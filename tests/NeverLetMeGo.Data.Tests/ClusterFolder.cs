using Microsoft.Extensions.Logging.Abstractions;
using NeverLetMeGo.Data.Postgres;

namespace NeverLetMeGo.Data.Tests;

/// <summary>A fresh folder for a private cluster; whatever runs in it is stopped and the folder deleted afterwards.</summary>
internal sealed class ClusterFolder : IAsyncDisposable
{
    public ClusterFolder()
    {
        // Under root the server runs as postgres, which must be able to pass through this folder.
        Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        // If this test host is killed, the next run's PostgresServer stops and deletes the cluster left here.
        File.WriteAllText(System.IO.Path.Combine(Path, "owner.pid"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nlmg-embedded-" + Guid.NewGuid().ToString("N")[..12]);

    public DatabaseOptions Options => new() { DataDirectory = Path };

    public Task<EmbeddedPostgres> StartAsync(ListLogger? logger = null) =>
        EmbeddedPostgres.StartAsync(Options, logger ?? new ListLogger(), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(System.IO.Path.Combine(Path, "pgdata")))
            await EmbeddedPostgres.Locate(Options, NullLogger.Instance).StopAsync(CancellationToken.None);
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
