using NeverLetMeGo.Core.Text;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace NeverLetMeGo.Worker.Fetching;

/// <summary>
/// Fetches one HTML page from an http(s) URL, a file: URL or a local path, within the configured limits.
/// One instance (one HttpClient and connection pool) per process. Every refusal is a <see cref="FetchException"/>.
/// </summary>
public sealed partial class PageFetcher : IDisposable
{
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

    public Task<FetchedPage> FetchAsync(string location, CancellationToken ct) => FetchAsync(location, gate: null, ct);

    /// <summary>As above, with HTTP requests (redirect hops included) passed through <paramref name="gate"/> first.</summary>
    internal async Task<FetchedPage> FetchAsync(string location, IRequestGate? gate, CancellationToken ct)
    {
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri))
            return await ReadFileAsync(Path.GetFullPath(location), ct);
        if (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            return await FetchHttpAsync(uri, validators: null, gate, ct) ?? throw new FetchException("HTTP 304 Not Modified") { Kind = "http_304" };
        if (uri.IsFile)
            return await ReadFileAsync(uri.LocalPath, ct);
        throw new FetchException($"unsupported URL scheme '{uri.Scheme}' (expected http, https, file or a path)");
    }

    /// <summary>
    /// A conditional GET when validators are given (null when the server says the page is not modified), every request
    /// (redirect hops included) passed through <paramref name="gate"/> first when there is one.
    /// </summary>
    internal Task<FetchedPage?> FetchHttpAsync(Uri url, PageValidators? validators, IRequestGate? gate, CancellationToken ct) =>
        FollowAsync(url, gate, request =>
        {
            if (validators?.ETag is { } etag)
                request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            if (validators?.LastModified is { } lastModified)
                request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }, (response, finalUrl, token) => ReadPageAsync(response, finalUrl, validators is not null, token), ct);

    private async Task<FetchedPage?> ReadPageAsync(HttpResponseMessage response, Uri url, bool conditional, CancellationToken ct)
    {
        if (response.StatusCode == HttpStatusCode.NotModified && conditional)
            return null;
        CheckStatus(response);
        var contentType = CheckContentType(response.Content.Headers.ContentType);
        if (response.Content.Headers.ContentLength > _options.MaxBodyBytes)
            throw TooLarge("body");

        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var body = await ReadLimitedAsync(stream, ct);
        var (html, charset) = HtmlDecoder.Decode(body.Span, contentType.CharSet);
        HtmlSniff.EnsureHtml(html, "the response");
        return new FetchedPage(url, html, charset, body.Length)
        {
            ETag = response.Headers.ETag?.ToString(),
            LastModified = response.Content.Headers.LastModified?.ToString("R"),
        };
    }

    /// <summary>Our reason for a transport failure; null for what is not ours to translate (the caller's cancel).</summary>
    private FetchException? Translate(Exception ex, CancellationToken ct) => ex switch
    {
        // The handler's ConnectTimeout (shorter than ours) surfaces as a cancel wrapping a TimeoutException.
        OperationCanceledException { InnerException: TimeoutException } when !ct.IsCancellationRequested =>
            new FetchException($"could not connect within {_options.ConnectTimeoutSeconds} s", ex) { Kind = "connect_timeout" },
        OperationCanceledException when !ct.IsCancellationRequested =>
            new FetchException($"timed out after {_options.TimeoutSeconds} s", ex) { Kind = "timeout" },
        HttpRequestException { InnerException: RefusedAddressException refused } =>
            new FetchException($"refused: {refused.Message}", ex) { Kind = "refused_address", Permanent = true },
        HttpRequestException =>
            new FetchException($"request failed: {ex.Message}", ex) { Kind = "connection" },
        IOException => new FetchException($"reading the body failed: {ex.Message}", ex) { Kind = "truncated" },
        InvalidDataException => new FetchException($"the compressed body is invalid: {ex.Message}", ex) { Kind = "bad_encoding" },
        _ => null,
    };

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
            HtmlSniff.EnsureHtml(html, path);
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
        var phrase = string.IsNullOrWhiteSpace(response.ReasonPhrase) ? response.StatusCode.ToString() : response.ReasonPhrase;
        var retryAfter = RetryAfter(response);
        var reason = retryAfter is { } wait ? $"HTTP {code} {phrase} (retry after {wait.TotalSeconds:0.#} s)" : $"HTTP {code} {phrase}";
        // A missing or forbidden page stays so; timeouts, throttling and server errors may pass.
        var permanent = code is >= 400 and < 500 and not 408 and not 425 and not 429;
        throw new FetchException(reason) { Kind = $"http_{code}", Permanent = permanent, RetryAfter = retryAfter };
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        // A server asking for days is taken at its word only up to an hour; the job's own backoff takes over after that.
        return wait is { } w ? TimeSpan.FromTicks(Math.Clamp(w.Ticks, 0, TimeSpan.FromHours(1).Ticks)) : null;
    }

    private MediaTypeHeaderValue CheckContentType(MediaTypeHeaderValue? contentType)
    {
        if (contentType?.MediaType is not { } mediaType)
            throw new FetchException("the response has no content type (expected text/html)") { Kind = "content_type", Permanent = true };
        if (!_options.ContentTypes.Contains(mediaType.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            var reason = _options.AllowedContentTypes.Length == 0
                ? $"content type {mediaType} is not HTML"
                : $"content type {mediaType} is not allowed ({ScraperOptions.Section}:AllowedContentTypes: {string.Join(", ", _options.AllowedContentTypes)})";
            throw new FetchException(reason) { Kind = "content_type", Permanent = true };
        }
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

    // The same page is as large tomorrow; a retry would only fetch the megabytes again.
    private FetchException TooLarge(string what) => new($"{what} exceeds {ByteSize.Format(_options.MaxBodyBytes)}") { Kind = "too_large", Permanent = true };

    /// <summary>With a proxy, every connection goes to it: the operator named it, so its own address is allowed.</summary>
    private static IReadOnlyCollection<string> ConnectAllowed(ScraperOptions options) =>
        options.Proxy is { } proxy ? [.. options.AllowedHosts, new Uri(proxy).IdnHost.Trim('[', ']')] : options.AllowedHosts;

    /// <summary>Behind a proxy, the target's own addresses are checked here, before the request is sent.</summary>
    private async Task TargetCheckAsync(Uri url, CancellationToken ct)
    {
        if (_options.Proxy is null)
            return;
        try
        {
            await AddressPolicy.ResolveAllowedAsync(url.IdnHost.Trim('[', ']'), _options.AllowedHosts, ct);
        }
        catch (RefusedAddressException refused)
        {
            throw new FetchException($"refused: {refused.Message}", refused) { Kind = "refused_address", Permanent = true };
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            throw new FetchException($"request failed: {url.Host} could not be resolved ({ex.Message})", ex) { Kind = "connection" };
        }
    }

    private static HttpClient CreateClient(ScraperOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            // Redirects are followed by FollowAsync, so each hop's host is checked against its robots.txt and budget.
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(options.ConnectTimeoutSeconds),
            // Recycled connections pick up DNS changes on long worker runs.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseCookies = false,
            // HTTP_PROXY and friends are ignored: behind a proxy the connect-time check would see only the proxy's address.
            // A proxy is used only when configured, and then each target is checked before its request (TargetCheckAsync).
            UseProxy = options.Proxy is not null,
            Proxy = options.Proxy is { } proxy ? new WebProxy(new Uri(proxy)) : null,
            ConnectCallback = (context, ct) => AddressPolicy.ConnectAsync(context, ConnectAllowed(options), ct),
        };
        var http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
        http.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "text/html, application/xhtml+xml;q=0.9");
        return http;
    }
}
