namespace NeverLetMeGo.Data.Postgres;

/// <summary>Section "Database". The connection string itself is ConnectionStrings:Reviews.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>
    /// Where the embedded cluster keeps its data; default $XDG_DATA_HOME/neverletmego (or ~/.local/share/neverletmego),
    /// and /var/lib/neverletmego when running as root.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>Folder holding initdb/pg_ctl/postgres; default: the newest /usr/lib/postgresql/*/bin, then PATH.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>Unprivileged OS user that runs the embedded server when this process runs as root.</summary>
    public string ServerUser { get; set; } = "postgres";

    /// <summary>Apply db/migrations when the process starts (both for the embedded cluster and a configured server).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// The embedded server's shared_buffers, in PostgreSQL's units ("512MB", "4GB"), applied when this process starts
    /// it; default: a quarter of this machine's memory, between 128 MB and 8 GB. PostgreSQL's own default is 128 MB
    /// whatever the machine: at 100,000 reviews, 400 searches repeated took 1.70 s under it and 0.96-0.99 s with 6 GB
    /// (bench/README.md, Performance).
    /// </summary>
    public string? SharedBuffers { get; set; }

    /// <summary>How long to wait for another process's initdb/start, and for the server to accept connections.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
