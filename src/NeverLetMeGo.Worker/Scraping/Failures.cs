using System.Net.Sockets;
using NeverLetMeGo.Ingestion;
using NeverLetMeGo.Core;
using NeverLetMeGo.Worker.Fetching;
using Npgsql;

namespace NeverLetMeGo.Worker.Scraping;

/// <summary>Tells a bad page (fail that page, go on) from a broken infrastructure (stop or back off, never "no work").</summary>
internal static class Failures
{
    public static bool IsInfrastructure(Exception ex) => ex switch
    {
        // The server answered but refused this review's data: that is the page's problem, unless the server is going away.
        PostgresException pg => pg.IsTransient || pg.SqlState.StartsWith("08", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState.StartsWith("53", StringComparison.Ordinal),
        NpgsqlException => true,
        SocketException or TimeoutException => true,
        _ => ex.InnerException is { } inner && IsInfrastructure(inner),
    };

    /// <summary>The reason recorded for a page failure: our own messages as they are, anything else with its type.</summary>
    public static string Reason(Exception ex) => ex switch
    {
        FetchException or ExtractionException or ExtractionTimeoutException => ex.Message,
        PostgresException pg => $"the database rejected the review: {pg.MessageText}",
        _ => $"unexpected {ex.GetType().Name}: {ex.Message}",
    };
}
