namespace NeverLetMeGo.Data.Postgres;

/// <summary>Section "Database". The connection string itself is ConnectionStrings:Reviews.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Where the embedded cluster keeps its data; default $XDG_DATA_HOME/neverletmego (or ~/.local/share/neverletmego).</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Folder holding initdb/pg_ctl/postgres; default: the newest /usr/lib/postgresql/*/bin, then PATH.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>Unprivileged OS user that runs the embedded server when this process runs as root.</summary>
    public string ServerUser { get; set; } = "postgres";
}
