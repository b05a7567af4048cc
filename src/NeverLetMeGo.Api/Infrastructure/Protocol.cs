using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace NeverLetMeGo.Api.Infrastructure;

/// <summary>
/// HTTP protocol concerns in one place: client addresses behind a loopback proxy, per-client rate limits on reads and on
/// reports (429 ProblemDetails), CORS for configured front-end origins, and strong ETags with cache headers on reads.
/// </summary>
internal static class Protocol
{
    public const string ReportsPolicy = "reports";
    private const string CorsPolicy = "frontends";

    public static IServiceCollection AddProtocol(this IServiceCollection services)
    {
        // Only loopback proxies are trusted (the default KnownProxies), so a remote client cannot pick its own address.
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        services.AddSingleton<AdminGate>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((o, limits) =>
        {
            var (reads, reports) = (limits.Value.ReadsPerMinute, limits.Value.ReportsPerHour);
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(Client(http), _ => Window(reads, TimeSpan.FromMinutes(1)))
                : RateLimitPartition.GetNoLimiter(""));
            o.AddPolicy(ReportsPolicy, http => RateLimitPartition.GetFixedWindowLimiter(Client(http), _ => Window(reports, TimeSpan.FromHours(1))));
            o.OnRejected = RejectAsync;
        });
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<FrontEndOptions>>((o, frontEnds) =>
            o.AddPolicy(CorsPolicy, p => p.WithOrigins(frontEnds.Value.Origins).WithMethods("GET", "HEAD", "POST")
                .WithHeaders("Content-Type", "If-None-Match").WithExposedHeaders("ETag", "Link", "Retry-After")));
        return services;
    }

    public static WebApplication UseProtocol(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // After the forwarded headers, so that limits and reports count the client, not the proxy.
        app.UseMiddleware<RequestGuards>();
        app.UseCors(CorsPolicy);
        app.UseRateLimiter();
        app.UseMiddleware<ETags>();
        return app;
    }

    private static string Client(HttpContext http) => ClientAddress.Key(http);

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window)
        => new() { PermitLimit = Math.Max(1, permits), Window = window, QueueLimit = 0, AutoReplenishment = true };

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = 429, Title = "Too many requests", Detail = "This client has made too many requests; try again later." },
        });
    }
}
