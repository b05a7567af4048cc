namespace NeverLetMeGo.Data.Postgres;

/// <summary>What <c>nlmg db status</c> shows about the private cluster.</summary>
public sealed record EmbeddedPostgresStatus
{
    public required bool Initialized { get; init; }
    public required bool Running { get; init; }
    public required string DataDirectory { get; init; }
    public required string SocketDirectory { get; init; }
    public required string LogPath { get; init; }
    public required string BinDirectory { get; init; }
    public required string ConnectionString { get; init; }

    /// <summary>pg_ctl status output, e.g. the server's PID and command line.</summary>
    public required string Details { get; init; }
}
