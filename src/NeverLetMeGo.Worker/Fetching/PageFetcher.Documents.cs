using NeverLetMeGo.Core.Text;
using System.IO.Compression;
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
        if (IsGzipFile(body.Span))
        {
            // A sitemap compressed as a file (sitemap.xml.gz, which the sitemaps protocol allows), not as the response's
            // Content-Encoding: expanded here, counted against the same limit as it expands.
            await using var expanded = new GZipStream(new MemoryStream(body.ToArray(), writable: false), CompressionMode.Decompress);
            try
            {
                body = await ReadLimitedAsync(expanded, ct);
            }
            catch (InvalidDataException e)
            {
                throw new FetchException($"{url}: a broken gzip file ({e.Message})") { Kind = "bad_gzip", Permanent = true };
            }
        }

        var (text, _) = HtmlDecoder.Decode(body.Span, response.Content.Headers.ContentType?.CharSet);
        return new FetchedDocument(status, text, null);
    }

    // The gzip header: magic bytes and the deflate method.
    private static bool IsGzipFile(ReadOnlySpan<byte> body) => body.Length >= 3 && body[0] == 0x1F && body[1] == 0x8B && body[2] == 8;

    internal static bool IsServerTrouble(int status) => status is >= 500 or (int)HttpStatusCode.TooManyRequests;
}
