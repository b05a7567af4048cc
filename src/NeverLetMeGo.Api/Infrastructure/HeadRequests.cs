namespace NeverLetMeGo.Api.Infrastructure;

/// <summary>
/// HEAD is answered by every GET route (RFC 9110 §9.3.2), as GET without a body: the request is routed as a GET, and
/// Kestrel, which remembers the method it parsed, sends the headers only. Must run before routing.
/// </summary>
internal static class HeadRequests
{
    public static WebApplication UseHeadAsGet(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            if (HttpMethods.IsHead(http.Request.Method))
                http.Request.Method = HttpMethods.Get;
            return next(http);
        });
        app.UseRouting();
        return app;
    }
}
