using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace NeverLetMeGo.Worker.Fetching;

/// <summary>
/// Fetches one HTML page from an http(s) URL, a file: URL or a local path, within the configured limits.
/// One instance (one HttpClient and connection pool) per process. Every refusal is a <see cref="FetchException"/>.
/// </summary>
public sealed class PageFetcher : IDisposable
{
    private static readonly string[] HtmlMediaTypes = ["text/html", "application/xhtml+xml"];
    private readonly ScraperOptions _options;
    private readonly HttpClient _http;

    public PageFetcher(ScraperOptions options)
    {
        _options = options;
        _http = CreateClient(options);
    }

    public PageFetcher(IOptions<ScraperOptions> options)
        : this(options.Value)
    {
    }

    public async Task<FetchedPage> FetchAsync(string location, CancellationToken ct)
    {
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri))
            return await ReadFileAsync(Path.GetFullPath(location), ct);
        if (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            return await FetchHttpAsync(uri, ct);
        if (uri.IsFile)
            return await ReadFileAsync(uri.LocalPath, ct);
        throw new FetchException($"unsupported URL scheme '{uri.Scheme}' (expected http, https, file or a path)");
    }

    public async Task<FetchedPage> FetchHttpAsync(Uri url, CancellationToken ct)
    {
        // Our own deadline rather than HttpClient.Timeout: it covers the body too and tells a timeout from a cancel.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            CheckStatus(response);
            var contentType = CheckContentType(response.Content.Headers.ContentType);
            if (response.Content.Headers.ContentLength > _options.MaxBodyBytes)
                throw TooLarge("body");

            await using var stream = await response.Content.ReadAsStreamAsync(deadline.Token);
            var body = await ReadLimitedAsync(stream, deadline.Token);
            var (html, charset) = HtmlDecoder.Decode(body.Span, contentType.CharSet);
            return new FetchedPage(response.RequestMessage?.RequestUri ?? url, html, charset, body.Length);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new FetchException($"timed out after {_options.TimeoutSeconds} s", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new FetchException($"request failed: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new FetchException($"reading the body failed: {ex.Message}", ex);
        }
        catch (InvalidDataException ex)
        {
            throw new FetchException($"the compressed body is invalid: {ex.Message}", ex);
        }
    }

    public async Task<FetchedPage> ReadFileAsync(string path, CancellationToken ct)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
            throw new FetchException(Directory.Exists(path) ? $"{path} is a directory" : $"no such file: {path}");
        if (file.Length > _options.MaxBodyBytes)
            throw TooLarge("file");
        try
        {
            var body = await File.ReadAllBytesAsync(file.FullName, ct);
            var (html, charset) = HtmlDecoder.Decode(body, headerCharset: null);
            return new FetchedPage(new Uri(file.FullName), html, charset, body.Length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FetchException($"cannot read {path}: {ex.Message}", ex);
        }
    }

    public void Dispose() => _http.Dispose();

    private void CheckStatus(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
            return;
        var code = (int)response.StatusCode;
        // The handler hands back the last 3xx once it stops following: the redirect limit was reached.
        if (code is >= 300 and < 400 && response.Headers.Location is not null && code != (int)HttpStatusCode.NotModified)
            throw new FetchException($"too many redirects (more than {_options.MaxRedirects})");
        var phrase = string.IsNullOrWhiteSpace(response.ReasonPhrase) ? response.StatusCode.ToString() : response.ReasonPhrase;
        throw new FetchException($"HTTP {code} {phrase}");
    }

    private static MediaTypeHeaderValue CheckContentType(MediaTypeHeaderValue? contentType)
    {
        if (contentType?.MediaType is not { } mediaType)
            throw new FetchException("the response has no content type (expected text/html)");
        if (!HtmlMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
            throw new FetchException($"content type {mediaType} is not HTML");
        return contentType;
    }

    private async Task<ReadOnlyMemory<byte>> ReadLimitedAsync(Stream stream, CancellationToken ct)
    {
        // Counted as we read, after decompression: a small gzip cannot expand past the limit.
        using var body = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (body.Length + read > _options.MaxBodyBytes)
                throw TooLarge("body");
            body.Write(chunk, 0, read);
        }
        return body.ToArray();
    }

    private FetchException TooLarge(string what) => new($"{what} exceeds {ByteSize.Format(_options.MaxBodyBytes)}");

    private static HttpClient CreateClient(ScraperOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = options.MaxRedirects > 0,
            MaxAutomaticRedirections = Math.Max(1, options.MaxRedirects),
            ConnectTimeout = TimeSpan.FromSeconds(options.ConnectTimeoutSeconds),
            // Recycled connections pick up DNS changes on long worker runs.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseCookies = false,
        };
        var http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
        http.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "text/html, application/xhtml+xml;q=0.9");
        return http;
    }
}
