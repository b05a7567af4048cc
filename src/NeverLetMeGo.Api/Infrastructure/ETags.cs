using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace NeverLetMeGo.Api.Infrastructure;

/// <summary>
/// Strong ETags for every successful GET: the hash of the exact bytes sent, so any change to a review (a re-scrape, a
/// corrected level) changes it. A matching If-None-Match gets 304. Anonymous reads are cacheable but must revalidate.
/// </summary>
internal sealed class ETags(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            await next(http);
            return;
        }

        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        if (http.Response.StatusCode == StatusCodes.Status200OK && !http.Response.Headers.ContainsKey(HeaderNames.ETag))
        {
            var tag = new EntityTagHeaderValue($"\"{Convert.ToBase64String(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..27]}\"");
            http.Response.Headers.ETag = tag.ToString();
            http.Response.Headers.CacheControl = http.Request.Headers.ContainsKey(AdminKeys.Header) ? "private, no-store" : "public, no-cache";
            http.Response.Headers.Vary = "Accept";
            if (EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch, out var matches) && matches.Any(m => m.Compare(tag, useStrongComparison: true) || m.Equals(EntityTagHeaderValue.Any)))
            {
                http.Response.StatusCode = StatusCodes.Status304NotModified;
                http.Response.ContentLength = null;
                return;
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }
}
