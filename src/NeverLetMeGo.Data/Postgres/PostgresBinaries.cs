namespace NeverLetMeGo.Data.Postgres;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl, postgres) installed on this machine.</summary>
internal static class PostgresBinaries
{
    private const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>
    /// The configured folder when set (and nothing else), else the Debian folder of the cluster's own major version,
    /// else the newest Debian version, else the folder of pg_ctl on PATH.
    /// </summary>
    public static string Find(string? configured, string? clusterVersion)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var folder = Path.GetFullPath(configured);
            return HasServer(folder) ? folder : throw NotFound($"Database:BinDirectory ({folder}) holds no initdb and pg_ctl.");
        }

        // A cluster can only be started by the major version that created it, even after a newer one is installed.
        if (clusterVersion is not null && HasServer(Path.Combine(DebianRoot, clusterVersion, "bin")))
            return Path.Combine(DebianRoot, clusterVersion, "bin");

        var newest = Directory.Exists(DebianRoot)
            ? Directory.EnumerateDirectories(DebianRoot)
                .Select(d => (Folder: Path.Combine(d, "bin"), Version: ParseVersion(Path.GetFileName(d))))
                .Where(c => c.Version is not null && HasServer(c.Folder))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Folder)
                .FirstOrDefault()
            : null;
        if (newest is not null)
            return newest;

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasServer);
        return onPath ?? throw NotFound($"No PostgreSQL server programs (initdb, pg_ctl) in {DebianRoot}/*/bin or on PATH.");
    }

    public static string Tool(string binDirectory, string name) => Path.Combine(binDirectory, name);

    private static bool HasServer(string folder) =>
        File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl"));

    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var v) ? v : null;

    private static InvalidOperationException NotFound(string what) => new(
        $"""
        {what}
        NeverLetMeGo needs PostgreSQL: either its server programs, to run a private cluster, or a server to connect to.
          - Install the server programs (Debian/Ubuntu: sudo apt-get install postgresql; Fedora: sudo dnf install postgresql-server; macOS: brew install postgresql), or set Database__BinDirectory to the folder holding initdb and pg_ctl;
          - or point at a running server: set ConnectionStrings__Reviews=Host=…;Username=…;Password=…;Database=…
        """);
}
