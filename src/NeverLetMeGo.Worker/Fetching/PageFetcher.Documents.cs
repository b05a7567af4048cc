using System.Net;

namespace NeverLetMeGo.Worker.Fetching;

/// <summary>A non-HTML document (robots.txt, sitemap, feed): its status and, for a 2xx, its text.</summary>
public sealed record FetchedDocument(int Status, string? Text, TimeSpan? RetryAfter);

public sealed partial class PageFetcher
{
    /// <summary>
    /// Fetches robots.txt, a sitemap or a feed within the same limits as pages (address policy, timeout, size after
    /// decompression), whatever its content type. A non-2xx status is returned, not thrown: robots.txt gives it meaning.
    /// </summary>
    public Task<FetchedDocument> FetchDocumentAsync(Uri url, CancellationToken ct) => FetchDocumentAsync(url, gate: null, ct);

    /// <summary>As above, with every request (redirect hops included) passed through <paramref name="gate"/> first.</summary>
    internal Task<FetchedDocument> FetchDocumentAsync(Uri url, IRequestGate? gate, CancellationToken ct) =>
        FollowAsync(url, gate, request => request.Headers.Accept.ParseAdd("*/*"), ReadDocumentAsync, ct);

    private async Task<FetchedDocument> ReadDocumentAsync(HttpResponseMessage response, Uri url, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
            return new FetchedDocument(status, null, RetryAfter(response));
        if (response.Content.Headers.ContentLength > _options.MaxBodyBytes)
            throw TooLarge("body");
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var body = await ReadLimitedAsync(stream, ct);
        var (text, _) = HtmlDecoder.Decode(body.Span, response.Content.Headers.ContentType?.CharSet);
        return new FetchedDocument(status, text, null);
    }

    internal static bool IsServerTrouble(int status) => status is >= 500 or (int)HttpStatusCode.TooManyRequests;
}
