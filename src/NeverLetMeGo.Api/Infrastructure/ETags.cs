using System.IO.Hashing;
using Microsoft.Net.Http.Headers;

namespace NeverLetMeGo.Api.Infrastructure;

/// <summary>
/// Strong ETags for every successful GET. By default the tag is the hash of the exact bytes sent, so any change to a
/// review (a re-scrape, a corrected level) changes it; an endpoint marked <see cref="Computed"/> sets its own tag from
/// what decides its bytes, which lets it answer a matching If-None-Match with 304 before loading anything. Anonymous
/// reads are cacheable but must revalidate.
/// </summary>
internal sealed class ETags(RequestDelegate next)
{
    /// <summary>Endpoint metadata: the handler calls <see cref="Apply"/> itself, so its body is neither buffered nor hashed.</summary>
    public static readonly object Computed = new ComputedETag();

    /// <summary>Names this build in computed tags: another build may render the same rows differently, so its tags are other tags.</summary>
    public static readonly string Build = typeof(ETags).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public async Task InvokeAsync(HttpContext http)
    {
        if ((!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
            || http.GetEndpoint()?.Metadata.GetMetadata<ComputedETag>() is not null)
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

        if (http.Response.StatusCode == StatusCodes.Status200OK && !http.Response.Headers.ContainsKey(HeaderNames.ETag)
            && Apply(http, Tag(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            http.Response.ContentLength = null;
            return;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    /// <summary>
    /// A strong tag naming these bytes: their 128-bit XXH3 hash in 22 base64 characters. A tag only has to change when
    /// the bytes do, which needs no cryptographic hash: SHA-256 took 13.4 µs for a 22 KB page of search hits on this
    /// machine, about 3% of the API's CPU per search in a profile, and XXH3 takes 0.7 µs (bench/README.md, Performance).
    /// </summary>
    public static EntityTagHeaderValue Tag(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(bytes, hash);
        return new($"\"{Convert.ToBase64String(hash)[..22]}\"");
    }

    /// <summary>Sets the tag and the cache headers of a 200; true when the request's If-None-Match already names it (answer 304).</summary>
    public static bool Apply(HttpContext http, EntityTagHeaderValue tag)
    {
        http.Response.Headers.ETag = tag.ToString();
        http.Response.Headers.CacheControl = http.Request.Headers.ContainsKey(AdminKeys.Header) ? "private, no-store" : "public, no-cache";
        http.Response.Headers.Vary = "Accept";
        return Matches(http, tag);
    }

    /// <summary>
    /// Whether If-None-Match names this tag or is "*". Compared weakly, as RFC 9110 §13.1.2 requires for If-None-Match: a
    /// proxy that compresses the response (nginx with gzip) makes our strong tag W/"…", and its clients send that back.
    /// </summary>
    public static bool Matches(HttpContext http, EntityTagHeaderValue tag)
        => EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch, out var matches)
           && matches.Any(m => m.Compare(tag, useStrongComparison: false) || m.Equals(EntityTagHeaderValue.Any));

    private sealed class ComputedETag;
}
