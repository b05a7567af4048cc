using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using NeverLetMeGo.Data.Postgres;
using Npgsql;

namespace NeverLetMeGo.Testing;

/// <summary>
/// One PostgreSQL per test process: the server named by NLMG_TEST_DATABASE, else a private cluster started from the
/// installed server programs in a fresh folder under the temp folder (stopped and deleted at exit). Each test class
/// gets its own database, cloned from a template that holds every migration.
/// </summary>
public static partial class PostgresServer
{
    /// <summary>A connection string to a server where the tests may CREATE DATABASE (e.g. Host=localhost;Username=postgres;Password=…).</summary>
    public const string EnvironmentVariable = "NLMG_TEST_DATABASE";

    private const string FolderPrefix = "nlmg-test-";

    private static readonly Lazy<Task<Server>> Shared = new(StartAsync);

    /// <summary>A new database with every migration applied; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(CancellationToken ct = default)
    {
        var server = await Shared.Value;
        return await server.CreateAsync(server.Template, ct);
    }

    /// <summary>A new database without any table (not even schema_migrations), for migration tests.</summary>
    public static async Task<string> CreateEmptyDatabaseAsync(CancellationToken ct = default)
    {
        var server = await Shared.Value;
        return await server.CreateAsync("template0", ct);
    }

    /// <summary>
    /// Drops a database made by this class. Only a configured server needs it: the private cluster is deleted whole at exit.
    /// </summary>
    public static async Task DropDatabaseAsync(string connectionString, CancellationToken ct = default)
    {
        var server = await Shared.Value;
        await server.DropAsync(new NpgsqlConnectionStringBuilder(connectionString).Database!, ct);
    }

    private static async Task<Server> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        try
        {
            return string.IsNullOrWhiteSpace(configured) ? await StartEmbeddedAsync() : await UseConfiguredAsync(configured);
        }
        catch (Exception e) when (e is InvalidOperationException or NpgsqlException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                "The Data, Worker and Api tests need a real PostgreSQL and none could be started. Either install the server " +
                "programs (Debian/Ubuntu: sudo apt-get install postgresql; the tests start a private cluster from them), or set " +
                $"{EnvironmentVariable}=Host=…;Username=…;Password=… to a server where that user may CREATE DATABASE. Cause: {e.Message}", e);
        }
    }

    private static async Task<Server> StartEmbeddedAsync()
    {
        if (OperatingSystem.IsWindows())
            throw new InvalidOperationException("The private test cluster needs Linux or macOS.");
        RemoveAbandonedClusters();
        var folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        // 0755: when the tests run as root, the server runs as the postgres user and must pass through this folder.
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        await File.WriteAllTextAsync(Path.Combine(folder, "owner.pid"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var postgres = await EmbeddedPostgres.StartAsync(new DatabaseOptions { DataDirectory = folder }, NullLogger.Instance, CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => ShutDownAtExit(postgres);
        await RelaxDurabilityAsync(postgres.AdminConnectionString);
        var server = new Server(postgres.AdminConnectionString, owned: false);
        await server.CreateTemplateAsync();
        return server;
    }

    /// <summary>A throwaway cluster needs no crash safety; skipping fsync makes CREATE DATABASE and commits cheaper.</summary>
    private static async Task RelaxDurabilityAsync(string adminConnectionString)
    {
        // One statement per command: ALTER SYSTEM refuses to run inside a (implicit) transaction block.
        string[] statements =
        [
            "alter system set fsync = off",
            "alter system set synchronous_commit = off",
            "alter system set full_page_writes = off",
            "select pg_reload_conf()",
        ];
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<Server> UseConfiguredAsync(string adminConnectionString)
    {
        var server = new Server(adminConnectionString, owned: true);
        await server.DropAbandonedAsync();
        await server.CreateTemplateAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DropAll();
        return server;
    }

    /// <summary>
    /// The test host is killed about a second after its last test, too soon for pg_ctl stop: signal an immediate
    /// shutdown and leave the deletion to a detached shell that outlives this process.
    /// </summary>
    private static void ShutDownAtExit(EmbeddedPostgres postgres)
    {
        const string script = """
            kill -QUIT "$1" 2>/dev/null
            ( while kill -0 "$1" 2>/dev/null; do sleep 0.1; done; rm -rf -- "$2" ) >/dev/null 2>&1 &
            """;
        var pidFile = Path.Combine(postgres.ClusterDirectory, "postmaster.pid");
        var pid = File.Exists(pidFile) ? File.ReadLines(pidFile).FirstOrDefault() ?? "0" : "0";
        using var shell = Process.Start(new ProcessStartInfo("sh", ["-c", script, "sh", pid, postgres.DataDirectory]) { UseShellExecute = false });
        shell?.WaitForExit(TimeSpan.FromSeconds(5));
    }

    private static void StopAndDelete(EmbeddedPostgres postgres)
    {
        try
        {
            postgres.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            Directory.Delete(postgres.DataDirectory, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Could not remove the test PostgreSQL in {postgres.DataDirectory}: {e.Message}");
        }
    }

    /// <summary>
    /// Clusters of test runs that died before their exit handler ran (a killed test host): stop and delete them. Besides
    /// this class's folders, this covers the nlmg-embedded-* folders of the EmbeddedPostgres tests, which also hold owner.pid.
    /// </summary>
    private static void RemoveAbandonedClusters()
    {
        var folders = Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*")
            .Concat(Directory.EnumerateDirectories(Path.GetTempPath(), "nlmg-embedded-*"));
        foreach (var folder in folders)
        {
            try
            {
                var pidFile = Path.Combine(folder, "owner.pid");
                if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile), out var pid) || IsAlive(pid))
                    continue;
                StopAndDelete(EmbeddedPostgres.Locate(new DatabaseOptions { DataDirectory = folder }, NullLogger.Instance));
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                // Another user's folder, missing binaries or a bad path: not ours to fix here; the start below reports real problems.
            }
        }
    }
}
