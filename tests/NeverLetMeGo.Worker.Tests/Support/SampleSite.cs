using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NeverLetMeGo.Testing;

namespace NeverLetMeGo.Worker.Tests.Support;

/// <summary>The sample corpus over HTTP, plus misbehaving routes.</summary>
internal static class SampleSite
{
    public const long HugeBytes = 6 * 1024 * 1024;

    public static Task<LocalSite> StartAsync() => LocalSite.StartAsync(SamplePages.Directory, routes =>
    {
        routes.MapGet("/broken", () => Results.StatusCode(StatusCodes.Status500InternalServerError));
        routes.MapGet("/image.png", () => Results.Bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png"));
        routes.MapGet("/huge", (HttpContext context) => LocalSite.WriteLargeHtmlAsync(context, HugeBytes));
    });

    /// <summary>The sample pages' URLs on <paramref name="site"/>, in file name order.</summary>
    public static IReadOnlyList<string> SampleUrls(LocalSite site) =>
        [.. SamplePages.All.Select(path => site.Url(Path.GetFileName(path)).AbsoluteUri)];
}
