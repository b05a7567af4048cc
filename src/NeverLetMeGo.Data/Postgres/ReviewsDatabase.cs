using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace NeverLetMeGo.Data.Postgres;

/// <summary>Decides which PostgreSQL the process uses: ConnectionStrings:Reviews when set, else the embedded cluster (started or reused).</summary>
public static class ReviewsDatabase
{
    /// <summary>Returns a ready connection string with migrations applied. IsEmbedded tells whether the private cluster is in use.</summary>
    public static Task<(string ConnectionString, bool IsEmbedded)> ResolveAsync(IConfiguration configuration, ILogger logger, CancellationToken ct)
        => throw new NotImplementedException(configuration.ToString() + logger);
}
