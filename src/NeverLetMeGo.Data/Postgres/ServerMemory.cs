using System.Globalization;
using System.Text.RegularExpressions;

namespace NeverLetMeGo.Data.Postgres;

/// <summary>How much memory the embedded server keeps its pages in (shared_buffers).</summary>
internal static partial class ServerMemory
{
    private const long Mega = 1024 * 1024;
    private const long Least = 128 * Mega;
    private const long Most = 8192 * Mega;

    /// <summary>
    /// The configured size, checked (it reaches the server through a shell), or a quarter of the memory this process may
    /// use, between PostgreSQL's default of 128 MB and 8 GB: the server's own share of a machine it shares with the API
    /// and the workers, as PostgreSQL's documentation suggests a quarter for a dedicated one.
    /// </summary>
    public static string SharedBuffers(string? configured, long? available = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var value = configured.Trim();
            return Size().IsMatch(value)
                ? value
                : throw new InvalidOperationException($"Database:SharedBuffers '{configured}' is not a size like 512MB or 4GB.");
        }

        var memory = available ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return string.Create(CultureInfo.InvariantCulture, $"{Math.Clamp(memory / 4, Least, Most) / Mega}MB");
    }

    [GeneratedRegex("^[0-9]{1,9}(kB|MB|GB|TB)$")]
    private static partial Regex Size();
}
