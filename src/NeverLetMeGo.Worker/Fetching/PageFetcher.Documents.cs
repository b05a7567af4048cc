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
    public async Task<FetchedDocument> FetchDocumentAsync(Uri url, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("*/*");
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
                return new FetchedDocument(status, null, RetryAfter(response));
            if (response.Content.Headers.ContentLength > _options.MaxBodyBytes)
                throw TooLarge("body");
            await using var stream = await response.Content.ReadAsStreamAsync(deadline.Token);
            var body = await ReadLimitedAsync(stream, deadline.Token);
            var (text, _) = HtmlDecoder.Decode(body.Span, response.Content.Headers.ContentType?.CharSet);
            return new FetchedDocument(status, text, null);
        }
        catch (Exception ex) when (Translate(ex, ct) is { } failure)
        {
            throw failure;
        }
    }

    internal static bool IsServerTrouble(int status) => status is >= 500 or (int)HttpStatusCode.TooManyRequests;
}
