using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NeverLetMeGo.Testing;
using NeverLetMeGo.Worker.Fetching;

namespace NeverLetMeGo.Worker.Tests;

/// <summary>The fetcher's limits and charset rules, against misbehaving routes on a local server.</summary>
public sealed class PageFetcherTests : IAsyncLifetime
{
    private static readonly Encoding Latin1 = Encoding.Latin1;
    private LocalSite _site = null!;

    public async Task InitializeAsync() => _site = await LocalSite.StartAsync(root: null, routes =>
    {
        routes.MapGet("/latin1-header", () => Results.Bytes(Latin1.GetBytes("<p>café</p>"), "text/html; charset=iso-8859-1"));
        routes.MapGet("/latin1-meta", () => Results.Bytes(Latin1.GetBytes("<html><head><meta charset=\"iso-8859-1\"></head><p>café</p>"), "text/html"));
        routes.MapGet("/http-equiv", () => Results.Bytes(
            Latin1.GetBytes("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>€ café</p>".Replace("€", "\u0080", StringComparison.Ordinal)), "text/html"));
        routes.MapGet("/utf16-bom", () => Results.Bytes([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("<p>café</p>")], "text/html"));
        routes.MapGet("/utf8", () => Results.Bytes(Encoding.UTF8.GetBytes("<p>café</p>"), "text/html"));
        routes.MapGet("/bad-charset", () => Results.Bytes(Encoding.UTF8.GetBytes("<p>café</p>"), "text/html; charset=no-such-charset"));
        routes.MapGet("/utf7-header", () => Results.Bytes(Encoding.UTF8.GetBytes("<p>café</p>"), "text/html; charset=utf-7"));
        routes.MapGet("/utf7-meta", () => Results.Bytes(Encoding.UTF8.GetBytes("<meta charset=\"UTF-7\"><p>café</p>"), "text/html"));
        routes.MapGet("/xhtml", () => Results.Bytes(Encoding.UTF8.GetBytes("<p>x</p>"), "application/xhtml+xml"));
        routes.MapGet("/no-type", (HttpContext c) => c.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("<p>x</p>")).AsTask());
        routes.MapGet("/agent", (HttpContext c) => Results.Content($"<p>{c.Request.Headers.UserAgent}</p>", "text/html"));
        routes.MapGet("/hop/{n:int}", (int n) => n >= 3 ? Results.Content("<p>arrived</p>", "text/html") : Results.Redirect($"/hop/{n + 1}"));
        routes.MapGet("/loop", () => Results.Redirect("/loop"));
        routes.MapGet("/ping", () => Results.Redirect("/pong#top"));
        routes.MapGet("/pong", () => Results.Redirect("/ping"));
        routes.MapGet("/to-file", () => Results.Redirect("file:///etc/passwd"));
        routes.MapGet("/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return Results.Content("<p>late</p>", "text/html");
        });
        routes.MapGet("/gzip-bomb", async (HttpContext c) =>
        {
            // 2 MiB of zeros compress to a few KiB; only decompression reveals the size.
            using var buffer = new MemoryStream();
            await using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
                await gzip.WriteAsync(new byte[2 * 1024 * 1024]);
            c.Response.ContentType = "text/html";
            c.Response.Headers.ContentEncoding = "gzip";
            await c.Response.Body.WriteAsync(buffer.ToArray());
        });
    });

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Theory]
    [InlineData("/latin1-header", "café", "windows-1252")]
    [InlineData("/latin1-meta", "café", "windows-1252")]
    [InlineData("/http-equiv", "€ café", "windows-1252")]
    [InlineData("/utf16-bom", "café", "utf-16")]
    [InlineData("/utf8", "café", "utf-8")]
    [InlineData("/bad-charset", "café", "utf-8")]
    [InlineData("/utf7-header", "café", "utf-8")]
    [InlineData("/utf7-meta", "café", "utf-8")]
    public async Task The_charset_comes_from_the_header_the_bom_or_a_meta_tag_else_utf8(string path, string text, string charset)
    {
        using var fetcher = new PageFetcher(new ScraperOptions { AllowedHosts = ["127.0.0.1"] });

        var page = await fetcher.FetchAsync(_site.Url(path).AbsoluteUri, CancellationToken.None);

        Assert.Contains(text, page.Html, StringComparison.Ordinal);
        Assert.Equal(charset, page.Charset);
    }

    [Theory]
    [InlineData("/no-type", "the response has no content type (expected text/html)")]
    [InlineData("/gzip-bomb", "body exceeds 1 MiB")]
    public async Task Misbehaving_pages_fail_with_a_clear_reason(string path, string reason)
    {
        using var fetcher = new PageFetcher(new ScraperOptions { AllowedHosts = ["127.0.0.1"], MaxBodyBytes = 1024 * 1024 });

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_site.Url(path).AbsoluteUri, CancellationToken.None));

        Assert.Equal(reason, error.Message);
    }

    [Fact]
    public async Task A_page_slower_than_the_timeout_fails_as_timed_out()
    {
        using var fetcher = new PageFetcher(new ScraperOptions { AllowedHosts = ["127.0.0.1"], TimeoutSeconds = 1 });

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_site.Url("slow").AbsoluteUri, CancellationToken.None));

        Assert.Equal("timed out after 1 s", error.Message);
    }

    [Fact]
    public async Task A_server_that_never_accepts_the_connection_fails_on_the_connect_timeout_not_the_total_one()
    {
        // A listener whose accept queue is full and never drained: the next connection attempt hangs in the handshake.
        using var listener = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        listener.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        listener.Listen(0);
        var endPoint = (System.Net.IPEndPoint)listener.LocalEndPoint!;
        using var filler = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        await filler.ConnectAsync(endPoint);
        using var fetcher = new PageFetcher(new ScraperOptions { AllowedHosts = ["127.0.0.1"], ConnectTimeoutSeconds = 1, TimeoutSeconds = 60 });

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync($"http://127.0.0.1:{endPoint.Port}/page", CancellationToken.None));

        Assert.Equal(("connect_timeout", "could not connect within 1 s"), (error.Kind, error.Message));
    }

    [Fact]
    public async Task Redirects_are_followed_and_the_final_url_is_kept()
    {
        using var fetcher = new PageFetcher(new ScraperOptions { AllowedHosts = ["127.0.0.1"] });

        var page = await fetcher.FetchAsync(_site.Url("hop/1").AbsoluteUri, CancellationToken.None);

        Assert.Equal(_site.Url("hop/3"), page.Url);
        Assert.Contains("arrived", page.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/loop", "/loop", "/loop")]
    [InlineData("/ping", "/pong", "/ping")]
    public async Task A_redirect_loop_is_caught_on_the_first_repeat_not_at_the_redirect_limit(string start, string from, string to)
    {
        using var fetcher = new PageFetcher(new ScraperOptions { AllowedHosts = ["127.0.0.1"], MaxRedirects = 20 });

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_site.Url(start).AbsoluteUri, CancellationToken.None));

        Assert.Equal(("redirect_loop", $"redirect loop: {_site.Url(from)} redirects back to {_site.Url(to)}"), (error.Kind, error.Message));
    }

    [Fact]
    public async Task More_redirects_than_configured_fail_the_page()
    {
        using var fetcher = new PageFetcher(new ScraperOptions { AllowedHosts = ["127.0.0.1"], MaxRedirects = 1 });

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_site.Url("hop/1").AbsoluteUri, CancellationToken.None));

        Assert.Equal(("too_many_redirects", "too many redirects (more than 1)"), (error.Kind, error.Message));
        Assert.DoesNotContain(_site.Requests, r => r.Path == "/hop/3");
    }

    [Fact]
    public async Task A_redirect_out_of_http_is_refused_for_good()
    {
        using var fetcher = new PageFetcher(new ScraperOptions { AllowedHosts = ["127.0.0.1"] });

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_site.Url("to-file").AbsoluteUri, CancellationToken.None));

        Assert.Equal(("bad_redirect", true, "redirected to file:///etc/passwd, which is not an http(s) URL"), (error.Kind, error.Permanent, error.Message));
    }

    [Fact]
    public async Task Xhtml_is_accepted_as_html()
    {
        using var fetcher = new PageFetcher(new ScraperOptions { AllowedHosts = ["127.0.0.1"] });

        var page = await fetcher.FetchAsync(_site.Url("xhtml").AbsoluteUri, CancellationToken.None);

        Assert.Equal("<p>x</p>", page.Html);
    }

    [Fact]
    public async Task The_allowed_content_types_can_be_narrowed_in_configuration()
    {
        using var fetcher = new PageFetcher(new ScraperOptions { AllowedHosts = ["127.0.0.1"], AllowedContentTypes = ["text/html"] });

        var html = await fetcher.FetchAsync(_site.Url("utf8").AbsoluteUri, CancellationToken.None);
        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_site.Url("xhtml").AbsoluteUri, CancellationToken.None));

        Assert.Equal("<p>café</p>", html.Html);
        Assert.Equal(("content_type", true), (error.Kind, error.Permanent));
        Assert.Equal("content type application/xhtml+xml is not allowed (Scraper:AllowedContentTypes: text/html)", error.Message);
    }

    [Fact]
    public async Task The_configured_user_agent_is_sent()
    {
        using var fetcher = new PageFetcher(new ScraperOptions { AllowedHosts = ["127.0.0.1"], UserAgent = "TestBot/1.0 (+mailto:test@example.invalid)" });

        var page = await fetcher.FetchAsync(_site.Url("agent").AbsoluteUri, CancellationToken.None);

        Assert.Equal("<p>TestBot/1.0 (+mailto:test@example.invalid)</p>", page.Html);
    }

    [Fact]
    public async Task Local_files_obey_the_size_limit_too()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nlmg-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(path, "<p>" + new string('x', 4096) + "</p>");
        try
        {
            using var fetcher = new PageFetcher(new ScraperOptions { AllowedHosts = ["127.0.0.1"], MaxBodyBytes = 2048 });

            var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(path, CancellationToken.None));

            Assert.Equal("file exceeds 2 KiB", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Other_url_schemes_are_refused()
    {
        using var fetcher = new PageFetcher(new ScraperOptions { AllowedHosts = ["127.0.0.1"] });

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync("ftp://127.0.0.1/page.html", CancellationToken.None));

        Assert.StartsWith("unsupported URL scheme 'ftp'", error.Message, StringComparison.Ordinal);
    }
}
