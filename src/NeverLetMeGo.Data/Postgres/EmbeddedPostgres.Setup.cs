using Microsoft.Extensions.Logging;

namespace NeverLetMeGo.Data.Postgres;

public sealed partial class EmbeddedPostgres
{
    /// <summary>
    /// Root's home is closed to other users, and the server cannot run as root, so root's cluster lives in a system
    /// folder the server user can reach.
    /// </summary>
    public const string RootDataDirectory = "/var/lib/neverletmego";

    internal static string ResolveDataDirectory(string? configured, bool isRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return Path.GetFullPath(configured);
        if (isRoot)
            return RootDataDirectory;

        // XDG base directory spec: a relative $XDG_DATA_HOME is invalid and must be ignored.
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var dataHome = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, "neverletmego");
    }

    private static string? ReadClusterVersion(string clusterDirectory)
    {
        var file = Path.Combine(clusterDirectory, "PG_VERSION");
        try
        {
            return File.Exists(file) ? File.ReadAllText(file).Trim() : null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private async Task PrepareFoldersAsync(CancellationToken ct)
    {
        var created = !Directory.Exists(DataDirectory);
        Directory.CreateDirectory(DataDirectory);
        if (runAsUser is null)
        {
            if (created && !OperatingSystem.IsWindows())
                File.SetUnixFileMode(DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            CreatePrivateDirectory(SocketDirectory);
            return;
        }

        await EnsureServerUserAsync(ct);
        if (created && !OperatingSystem.IsWindows())
        {
            // The server user only needs to pass through this folder; its own files are in the subfolders below.
            File.SetUnixFileMode(DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        CreatePrivateDirectory(ClusterDirectory);
        CreatePrivateDirectory(SocketDirectory);
        if (!File.Exists(LogPath))
            await File.WriteAllTextAsync(LogPath, "", ct);

        var chown = await ProcessRunner.RunAsync("chown", [$"{runAsUser}:", ClusterDirectory, SocketDirectory, LogPath], null, DataDirectory, ct);
        if (!chown.Succeeded)
            throw new InvalidOperationException($"Could not give {DataDirectory} to the server user {runAsUser}: {chown.Output}");
    }

    private async Task EnsureServerUserAsync(CancellationToken ct)
    {
        var id = await ProcessRunner.RunAsync("id", ["-u", runAsUser!], null, DataDirectory, ct);
        if (!id.Succeeded)
        {
            throw new InvalidOperationException(
                $"PostgreSQL cannot run as root and the OS user '{runAsUser}' that should run it does not exist. " +
                "Install the server (sudo apt-get install postgresql creates the user), create the user " +
                $"(sudo useradd --system {runAsUser}), set Database__ServerUser to another unprivileged user, " +
                "or set ConnectionStrings__Reviews=Host=…;Username=…;Password=…;Database=… to use a running server.");
        }
    }

    private async Task InitializeClusterAsync(CancellationToken ct)
    {
        logger.LogInformation("Initialising a new PostgreSQL cluster in {ClusterDirectory}", ClusterDirectory);
        var result = await InitDbAsync("C.UTF-8", ct);
        // C.UTF-8 is missing on some systems; plain C with UTF-8 encoding always works.
        if (!result.Succeeded && result.Output.Contains("locale", StringComparison.OrdinalIgnoreCase))
            result = await InitDbAsync("C", ct);
        if (!result.Succeeded)
            throw Failure("initdb", result);
    }

    private Task<ProcessResult> InitDbAsync(string locale, CancellationToken ct) => ProcessRunner.RunAsync(
        PostgresBinaries.Tool(BinDirectory, "initdb"),
        ["-D", ClusterDirectory, "-U", SuperUser, "--auth=trust", "-E", "UTF8", $"--locale={locale}"],
        runAsUser,
        DataDirectory,
        ct);

    /// <summary>An exclusive lock on a file in the data folder; disposing the stream releases it.</summary>
    private async Task<FileStream> AcquireStartupLockAsync(CancellationToken ct)
    {
        var path = Path.Combine(DataDirectory, ".startup.lock");
        var deadline = DateTime.UtcNow + startupTimeout;
        var waiting = false;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                if (!waiting)
                    logger.LogInformation("Waiting for another process that is starting the embedded PostgreSQL ({LockFile})", path);
                waiting = true;
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            }
            catch (IOException e)
            {
                throw new InvalidOperationException(
                    $"Timed out after {startupTimeout} waiting for {path}: another process keeps starting the embedded PostgreSQL.", e);
            }
        }
    }

    private static void CreatePrivateDirectory(string path)
    {
        if (Directory.Exists(path))
            return;
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(path);
        else
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
