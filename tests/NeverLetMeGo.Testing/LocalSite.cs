using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace NeverLetMeGo.Testing;

/// <summary>
/// A real HTTP server on 127.0.0.1 (a free port) for scraping tests: serves a folder's files (.html as
/// text/html; charset=utf-8) plus routes the test maps, and records every request it saw.
/// </summary>
public sealed class LocalSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<LocalSiteRequest> _requests;

    private LocalSite(WebApplication app, ConcurrentQueue<LocalSiteRequest> requests, Uri baseUri)
    {
        _app = app;
        _requests = requests;
        BaseUri = baseUri;
    }

    /// <summary>The root, with a trailing slash: <c>new Uri(site.BaseUri, "page.html")</c> works.</summary>
    public Uri BaseUri { get; }

    /// <summary>Every request in arrival order (path and time), for tests that check what the scraper did.</summary>
    public IReadOnlyList<LocalSiteRequest> Requests => [.. _requests];

    public Uri Url(string relativePath) => new(BaseUri, relativePath.TrimStart('/'));

    /// <param name="root">Folder whose files are served at the site's root; null for routes only.</param>
    /// <param name="routes">Extra endpoints, e.g. <c>r => r.MapGet("/broken", () => Results.StatusCode(500))</c>.</param>
    /// <param name="ct">Cancels start-up.</param>
    public static async Task<LocalSite> StartAsync(string? root, Action<IEndpointRouteBuilder>? routes = null, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();

        var requests = new ConcurrentQueue<LocalSiteRequest>();
        app.Use(async (context, next) =>
        {
            requests.Enqueue(new LocalSiteRequest(context.Request.Path.Value ?? "/", DateTimeOffset.UtcNow));
            await next(context);
        });
        if (root is not null)
        {
            var types = new FileExtensionContentTypeProvider();
            types.Mappings[".html"] = "text/html; charset=utf-8";
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.GetFullPath(root)), ContentTypeProvider = types });
        }
        routes?.Invoke(app);

        await app.StartAsync(ct);
        // Port 0 is resolved by Kestrel at start; the bound address is the one to use.
        var address = app.Urls.Single();
        return new LocalSite(app, requests, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>A body of <paramref name="bytes"/> bytes of valid-looking HTML, written in chunks (for size-limit routes).</summary>
    public static async Task WriteLargeHtmlAsync(HttpContext context, long bytes)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        var chunk = System.Text.Encoding.UTF8.GetBytes(new string('x', 8191) + "\n");
        await context.Response.WriteAsync("<!doctype html><html><body><p>", context.RequestAborted);
        for (long written = 0; written < bytes; written += chunk.Length)
            await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
        await context.Response.WriteAsync("</p></body></html>", context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request the site received.</summary>
public sealed record LocalSiteRequest(string Path, DateTimeOffset At);
