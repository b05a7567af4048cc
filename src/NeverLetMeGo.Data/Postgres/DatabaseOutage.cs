using System.Net.Sockets;
using Npgsql;

namespace NeverLetMeGo.Data.Postgres;

/// <summary>Tells "the database cannot be reached or is restarting" (wait and retry) from an error in what was asked of it.</summary>
public static class DatabaseOutage
{
    public static bool Is(Exception ex) => ex switch
    {
        // 08: connection exceptions; 57P01–57P03: shutting down, crashed, not yet accepting connections.
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03",
        NpgsqlException => true,
        SocketException or TimeoutException => true,
        _ => ex.InnerException is { } inner && Is(inner),
    };
}
