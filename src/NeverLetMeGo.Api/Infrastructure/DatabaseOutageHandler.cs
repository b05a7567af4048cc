using Microsoft.AspNetCore.Diagnostics;
using NeverLetMeGo.Data.Postgres;

namespace NeverLetMeGo.Api.Infrastructure;

/// <summary>
/// A request that fails because the database is down answers 503 with Retry-After, not 500: the client may retry and
/// will succeed once the database is back. The detail names no host, socket or folder.
/// </summary>
internal sealed class DatabaseOutageHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseOutage.Is(exception))
            return false;
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = 503, Title = "Database unavailable", Detail = "The database is not reachable right now; try again shortly." },
        });
    }
}
