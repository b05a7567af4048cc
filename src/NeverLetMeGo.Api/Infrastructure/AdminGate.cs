using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace NeverLetMeGo.Api.Infrastructure;

/// <summary>
/// The operator key is checked before an admin request's body is read or bound, and wrong keys are limited per client
/// (<c>RateLimits:FailedKeysPerMinute</c>, default 10): past the limit the client gets 429, right key or not, until the
/// window ends, so guessing runs at a few tries a minute instead of thousands a second.
/// </summary>
internal sealed class AdminGate : IDisposable
{
    private readonly string[] _keys;
    private readonly PartitionedRateLimiter<string> _failures;

    public AdminGate(IOptions<AdminOptions> admin, IOptions<RateLimitOptions> limits)
    {
        _keys = admin.Value.ApiKeys;
        var permits = limits.Value.FailedKeysPerMinute;
        _failures = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true }));
    }

    /// <summary>True when the request may go on; otherwise the 401 or 429 problem is written.</summary>
    public async Task<bool> AdmitAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<AdminOnlyMetadata>() is null)
            return true;
        var client = ClientAddress.Key(http);
        if (_failures.GetStatistics(client)?.CurrentAvailablePermits == 0)
        {
            await TooManyAsync(http);
            return false;
        }

        if (AdminKeys.IsValid(http.Request.Headers[AdminKeys.Header].ToString(), _keys))
            return true;
        using var failure = _failures.AttemptAcquire(client);
        if (!failure.IsAcquired)
        {
            await TooManyAsync(http);
            return false;
        }

        await Problems.WriteAsync(http, StatusCodes.Status401Unauthorized, AdminKeys.UnauthorizedTitle, AdminKeys.UnauthorizedDetail(_keys.Any(k => !string.IsNullOrEmpty(k))));
        return false;
    }

    private static Task TooManyAsync(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "60";
        return Problems.WriteAsync(http, StatusCodes.Status429TooManyRequests, "Too many requests", "This client has sent too many wrong API keys; try again later.");
    }

    public void Dispose() => _failures.Dispose();
}
