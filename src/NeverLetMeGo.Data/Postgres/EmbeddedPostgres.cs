using Microsoft.Extensions.Logging;
using Npgsql;

namespace NeverLetMeGo.Data.Postgres;

/// <summary>
/// A private PostgreSQL cluster run from the server programs installed on this machine. It listens on a unix socket
/// only, keeps its data in the per-user data folder, and keeps running after this process exits so that the API and
/// nlmg share it; whoever starts first initialises and starts it, the others reuse it.
/// </summary>
public sealed partial class EmbeddedPostgres
{
    public const string DatabaseName = "neverletmego";
    public const string SuperUser = "postgres";

    // The port only names the socket file: nothing listens on TCP.
    private const int Port = 5432;
    private const int MaxSocketPath = 100;

    private readonly ILogger logger;
    private readonly string? runAsUser;
    private readonly TimeSpan startupTimeout;
    private readonly string sharedBuffers;

    private EmbeddedPostgres(string dataDirectory, string binDirectory, string? runAsUser, TimeSpan startupTimeout, string sharedBuffers, ILogger logger)
    {
        this.sharedBuffers = sharedBuffers;
        DataDirectory = dataDirectory;
        BinDirectory = binDirectory;
        this.runAsUser = runAsUser;
        this.startupTimeout = startupTimeout;
        this.logger = logger;
    }

    /// <summary>The folder that holds the cluster (pgdata/), its socket (run/) and its log.</summary>
    public string DataDirectory { get; }

    public string BinDirectory { get; }

    public string ClusterDirectory => Path.Combine(DataDirectory, "pgdata");

    public string SocketDirectory => Path.Combine(DataDirectory, "run");

    public string LogPath => Path.Combine(DataDirectory, "postgres.log");

    /// <summary>The application database (<c>neverletmego</c>) over the unix socket.</summary>
    public string ConnectionString => Connect(DatabaseName);

    /// <summary>The maintenance database (<c>postgres</c>), for CREATE DATABASE and the like.</summary>
    public string AdminConnectionString => Connect("postgres");

    /// <summary>True when the server runs as another OS user (this process is root, which PostgreSQL refuses).</summary>
    public bool RunsAsOtherUser => runAsUser is not null;

    /// <summary>Starts the cluster (initialising it on first use) or reuses the running one, and creates the application database.</summary>
    /// <exception cref="InvalidOperationException">No server programs were found, or initdb / pg_ctl failed (the message holds their output and the log path).</exception>
    public static async Task<EmbeddedPostgres> StartAsync(DatabaseOptions options, ILogger logger, CancellationToken ct)
    {
        var postgres = Locate(options, logger);
        await postgres.EnsureRunningAsync(ct);
        return postgres;
    }

    /// <summary>Resolves folders and server programs without starting anything (for status and stop).</summary>
    public static EmbeddedPostgres Locate(DatabaseOptions options, ILogger logger)
    {
        // PostgreSQL refuses to run as root (uid 0); on Windows "privileged" means an administrator, which it tolerates.
        var isRoot = Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows();
        var folder = ResolveDataDirectory(options.DataDirectory, isRoot);
        var clusterVersion = ReadClusterVersion(Path.Combine(folder, "pgdata"));
        var bin = PostgresBinaries.Find(options.BinDirectory, clusterVersion);
        var postgres = new EmbeddedPostgres(folder, bin, isRoot ? options.ServerUser : null, options.StartupTimeout, ServerMemory.SharedBuffers(options.SharedBuffers), logger);

        var socket = Path.Combine(postgres.SocketDirectory, $".s.PGSQL.{Port}");
        if (socket.Length > MaxSocketPath)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL socket path {socket} is longer than {MaxSocketPath} characters, which unix sockets do not allow; " +
                "set Database__DataDirectory to a shorter folder.");
        }
        return postgres;
    }

    public async Task<EmbeddedPostgresStatus> GetStatusAsync(CancellationToken ct)
    {
        var initialized = File.Exists(Path.Combine(ClusterDirectory, "PG_VERSION"));
        var status = initialized ? await PgCtlAsync(["status", "-D", ClusterDirectory], ct) : null;
        return new EmbeddedPostgresStatus
        {
            Initialized = initialized,
            // pg_ctl takes a zombie's PID for a live server: signalling it succeeds, and a stop would wait for it forever.
            Running = status?.ExitCode == 0 && ZombiePostmasterPid() is null,
            DataDirectory = DataDirectory,
            SocketDirectory = SocketDirectory,
            LogPath = LogPath,
            BinDirectory = BinDirectory,
            ConnectionString = ConnectionString,
            Details = status?.Output ?? "not initialised",
        };
    }

    /// <summary>Stops the server (fast shutdown: sessions are disconnected). Returns false when it was not running.</summary>
    public async Task<bool> StopAsync(CancellationToken ct)
    {
        var status = await GetStatusAsync(ct);
        if (!status.Running)
            return false;

        var stop = await PgCtlAsync(["stop", "-D", ClusterDirectory, "-m", "fast", "-w", "-t", Seconds(startupTimeout)], ct);
        if (!stop.Succeeded)
            throw Failure("pg_ctl stop", stop);

        // Idle pooled connections of this process point at the stopped server.
        using (var admin = new NpgsqlConnection(AdminConnectionString))
            NpgsqlConnection.ClearPool(admin);
        using (var app = new NpgsqlConnection(ConnectionString))
            NpgsqlConnection.ClearPool(app);
        logger.LogInformation("Stopped the embedded PostgreSQL in {DataDirectory}", DataDirectory);
        return true;
    }

    /// <summary>Starts the server again when it does not answer (it crashed or was killed); true when it had to.</summary>
    public async Task<bool> RestartIfDownAsync(CancellationToken ct)
    {
        if (await CanConnectAsync(ct))
            return false;
        RemoveLocksOfZombiePostmaster();
        await EnsureRunningAsync(ct);
        return true;
    }

    /// <summary>
    /// A killed postmaster is reparented to PID 1; where PID 1 does not reap (a container without an init), it stays a
    /// zombie, and PostgreSQL takes the zombie's PID in its lock files for a live server and refuses to start. A zombie
    /// runs nothing and holds nothing, so its lock files are stale: they are removed.
    /// </summary>
    private void RemoveLocksOfZombiePostmaster()
    {
        if (ZombiePostmasterPid() is not { } pid)
            return;
        logger.LogWarning("The embedded PostgreSQL's postmaster (PID {Pid}) is a zombie; removing its stale lock files", pid);
        File.Delete(Path.Combine(ClusterDirectory, "postmaster.pid"));
        File.Delete(Path.Combine(SocketDirectory, $".s.PGSQL.{Port}.lock"));
    }

    /// <summary>The PID in the cluster's lock file when that process is a zombie (dead, not reaped); null otherwise.</summary>
    private int? ZombiePostmasterPid()
    {
        var lockFile = Path.Combine(ClusterDirectory, "postmaster.pid");
        if (!OperatingSystem.IsLinux() || !File.Exists(lockFile) || !int.TryParse(File.ReadLines(lockFile).FirstOrDefault(), out var pid))
            return null;
        var stat = $"/proc/{pid}/stat";
        try
        {
            // The state follows the command name in parentheses: "1234 (postgres) Z ...".
            var line = File.ReadAllText(stat);
            return line[(line.LastIndexOf(')') + 2)..].FirstOrDefault() == 'Z' ? pid : null;
        }
        catch (IOException)
        {
            // Gone between the two reads, or never there: not a zombie.
            return null;
        }
    }

    private async Task EnsureRunningAsync(CancellationToken ct)
    {
        if (runAsUser is not null)
        {
            logger.LogInformation(
                "Running as root, which PostgreSQL refuses: the embedded server runs as {ServerUser} and keeps its data in {DataDirectory}",
                runAsUser, DataDirectory);
        }
        if (await CanConnectAsync(ct))
        {
            logger.LogInformation("Reusing the running embedded PostgreSQL in {DataDirectory}", DataDirectory);
            await EnsureDatabaseAsync(ct);
            return;
        }

        await PrepareFoldersAsync(ct);
        // Serialise initdb/start across processes: the API and nlmg may start at the same moment.
        await using (await AcquireStartupLockAsync(ct))
        {
            if (!File.Exists(Path.Combine(ClusterDirectory, "PG_VERSION")))
                await InitializeClusterAsync(ct);

            // A killed server's zombie would pass for a running one and be waited for until the start times out.
            RemoveLocksOfZombiePostmaster();
            var status = await PgCtlAsync(["status", "-D", ClusterDirectory], ct);
            if (status.ExitCode == 0)
                await WaitForConnectionsAsync(status, ct);
            else
                await StartServerAsync(ct);

            await EnsureDatabaseAsync(ct);
        }
    }

    private async Task StartServerAsync(CancellationToken ct)
    {
        // pg_ctl hands -o to a shell: quote the folder.
        var serverOptions = $"-c listen_addresses='' -c port={Port} -c unix_socket_directories={ShellQuote(SocketDirectory)} -c shared_buffers={sharedBuffers}";
        logger.LogInformation("Starting the embedded PostgreSQL in {DataDirectory} (log: {LogPath})", DataDirectory, LogPath);
        var start = await PgCtlAsync(
            ["start", "-w", "-t", Seconds(startupTimeout), "-D", ClusterDirectory, "-l", LogPath, "-o", serverOptions], ct);
        if (!start.Succeeded)
            throw Failure("pg_ctl start", start);
        logger.LogInformation("Embedded PostgreSQL is listening on the unix socket in {SocketDirectory}", SocketDirectory);
    }

    private async Task WaitForConnectionsAsync(ProcessResult status, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + startupTimeout;
        while (!await CanConnectAsync(ct))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    $"A PostgreSQL server runs on {ClusterDirectory} but does not accept connections on {SocketDirectory}. " +
                    $"Stop it (pg_ctl stop -D {ClusterDirectory}) and try again; see {LogPath}.\n{status.Output}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
        logger.LogInformation("Reusing the running embedded PostgreSQL in {DataDirectory}", DataDirectory);
    }

    private async Task EnsureDatabaseAsync(CancellationToken ct)
    {
        const string exists = "select exists (select from pg_database where datname = @name)";
        // Identifiers cannot be parameters; the name is a constant.
        const string create = $"create database {DatabaseName}";

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(ct);
        await using (var check = new NpgsqlCommand(exists, connection))
        {
            check.Parameters.AddWithValue("name", DatabaseName);
            if (await check.ExecuteScalarAsync(ct) is true)
                return;
        }
        try
        {
            await using var command = new NpgsqlCommand(create, connection);
            await command.ExecuteNonQueryAsync(ct);
            logger.LogInformation("Created database {Database}", DatabaseName);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another process won the race; the database is there, which is all we need.
        }
    }

    private async Task<bool> CanConnectAsync(CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(SocketDirectory, $".s.PGSQL.{Port}")))
            return false;
        var probe = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false, Timeout = 5 };
        try
        {
            await using var connection = new NpgsqlConnection(probe.ConnectionString);
            await connection.OpenAsync(ct);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return false;
        }
    }

    private string Connect(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = SocketDirectory,
        Port = Port,
        Username = SuperUser,
        Database = database,
    }.ConnectionString;

    private Task<ProcessResult> PgCtlAsync(string[] arguments, CancellationToken ct) =>
        ProcessRunner.RunAsync(PostgresBinaries.Tool(BinDirectory, "pg_ctl"), arguments, runAsUser, DataDirectory, ct, killOnCancel: false);

    private InvalidOperationException Failure(string what, ProcessResult result)
    {
        var reach = runAsUser is null ? "" : $" The server runs as {runAsUser}: {DataDirectory} and every folder above it must be reachable by that user.";
        return new InvalidOperationException(
            $"{what} failed (exit code {result.ExitCode}) for the embedded PostgreSQL in {DataDirectory}; server log: {LogPath}.{reach}\n" +
            $"{result.Output}\n{LogTail()}".TrimEnd());
    }

    private string LogTail()
    {
        try
        {
            return File.Exists(LogPath) ? string.Join('\n', File.ReadLines(LogPath).TakeLast(15)) : "";
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static string Seconds(TimeSpan t) => ((int)Math.Ceiling(t.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
