using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NeverLetMeGo.Testing;

namespace NeverLetMeGo.Worker.Tests.Support;

/// <summary>
/// A local site serving copies of the sample pages at /c/{n}.html (page n is sample n mod 4), each a review of its own:
/// the samples' canonical links name other hosts, so the fetched URL is the review's URL. Optional robots.txt and delay.
/// </summary>
internal static class CopySite
{
    private static readonly byte[][] Pages = [.. SamplePages.All.Select(File.ReadAllBytes)];

    public static Task<LocalSite> StartAsync(string? robots = null, TimeSpan? delay = null) => LocalSite.StartAsync(root: null, routes =>
    {
        routes.MapGet("/c/{n:int}.html", async (int n, CancellationToken ct) =>
        {
            if (delay is { } wait)
                await Task.Delay(wait, ct);
            return Results.Bytes(Pages[n % Pages.Length], "text/html; charset=utf-8");
        });
        if (robots is not null)
            routes.MapGet("/robots.txt", () => Results.Text(robots, "text/plain"));
    });

    public static IReadOnlyList<string> Urls(LocalSite site, int count) =>
        [.. Enumerable.Range(0, count).Select(n => site.Url($"c/{n}.html").AbsoluteUri)];

    /// <summary>Arrival times of page requests (robots.txt excluded), in order.</summary>
    public static IReadOnlyList<DateTimeOffset> PageHits(LocalSite site) =>
        [.. site.Requests.Where(r => r.Path.StartsWith("/c/", StringComparison.Ordinal)).Select(r => r.At).Order()];
}
