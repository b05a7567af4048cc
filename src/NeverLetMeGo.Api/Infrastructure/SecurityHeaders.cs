namespace NeverLetMeGo.Api.Infrastructure;

/// <summary>
/// A strict Content-Security-Policy on everything the API serves: the reading page loads only its own script and style
/// files and talks only to this origin, so even a scraped string that slipped through escaping could not run or phone out.
/// Swagger UI inlines its scripts and styles, so its pages keep the browser's default policy.
/// </summary>
internal static class SecurityHeaders
{
    public const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            if (!http.Request.Path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase))
            {
                headers.ContentSecurityPolicy = Policy;
            }

            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return next(http);
        });
        return app;
    }
}
