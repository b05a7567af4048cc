using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NeverLetMeGo.Testing;
using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

/// <summary>
/// `nlmg extract` on pages in legacy encodings: the charset from the HTTP header, a byte order mark or a meta tag; Latin-1
/// labels read as windows-1252, as browsers do, so the curly quotes and dashes of 0x80-0x9F survive; with no charset
/// anywhere, bytes that are no UTF-8 are windows-1252 too.
/// </summary>
public sealed class ExtractEncodingTests : IAsyncLifetime
{
    // “Never Let Me Go” — a film about clones, née at Hailsham, where the €-less children…
    private const string Sentence = "\u201CNever Let Me Go\u201D \u2014 a quiet film about clones, n\u00E9e at Hailsham, where nobody asks the price of the \u20AC5 toys\u2026";

    private static readonly Encoding Windows1252 = CodePagesEncoding("windows-1252");
    private LocalSite _site = null!;

    public async Task InitializeAsync() => _site = await LocalSite.StartAsync(root: null, routes =>
    {
        // No charset anywhere, and bytes that are no UTF-8: browsers fall back to windows-1252 (their default for Western
        // locales); read as UTF-8, every accent and curly quote was U+FFFD.
        routes.MapGet("/cp1252-undeclared", () => Results.Bytes(Windows1252.GetBytes(Page(head: "")), "text/html"));
        routes.MapGet("/latin1-header", () => Results.Bytes(Windows1252.GetBytes(Page(head: "")), "text/html; charset=ISO-8859-1"));
        routes.MapGet("/cp1252-header", () => Results.Bytes(Windows1252.GetBytes(Page(head: "")), "text/html; charset=windows-1252"));
        // The header names the encoding; the stale meta tag from a CMS template is ignored.
        routes.MapGet("/header-beats-meta", () => Results.Bytes(Windows1252.GetBytes(Page(head: "<meta charset=\"utf-8\">")), "text/html; charset=latin1"));
    });

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Theory]
    [InlineData("/latin1-header")]
    [InlineData("/cp1252-header")]
    [InlineData("/header-beats-meta")]
    public async Task A_charset_from_the_http_header_decodes_the_page(string path)
    {
        var texts = await ExtractTextsAsync(_site.Url(path).AbsoluteUri);

        Assert.Contains(Sentence, texts);
    }

    [Theory]
    [InlineData("<meta charset=\"windows-1252\">", "windows-1252")]
    [InlineData("<meta charset=\"iso-8859-1\">", "windows-1252")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">", "windows-1252")]
    [InlineData("<meta charset=\"utf-8\">", "utf-8")]
    [InlineData("", "utf-8")]
    public async Task A_file_is_decoded_by_its_meta_charset_else_as_utf8(string meta, string encoding)
    {
        var bytes = CodePagesEncoding(encoding).GetBytes(Page(meta));

        var texts = await ExtractFileTextsAsync(bytes);

        Assert.Contains(Sentence, texts);
    }

    [Fact]
    public async Task With_no_charset_anywhere_bytes_that_are_no_utf8_are_read_as_windows_1252()
    {
        Assert.Contains(Sentence, await ExtractTextsAsync(_site.Url("/cp1252-undeclared").AbsoluteUri));
        Assert.Contains(Sentence, await ExtractFileTextsAsync(Windows1252.GetBytes(Page(head: ""))));
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public async Task A_byte_order_mark_beats_a_wrong_meta_charset(string encoding)
    {
        var unicode = encoding == "utf-8" ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: true) : CodePagesEncoding(encoding);
        byte[] bytes = [.. unicode.GetPreamble(), .. unicode.GetBytes(Page("<meta charset=\"windows-1252\">"))];

        var texts = await ExtractFileTextsAsync(bytes);

        Assert.Contains(Sentence, texts);
    }

    private static string Page(string head) => $$"""
        <!DOCTYPE html><html><head>{{head}}<title>Clones | Reel Notes</title></head><body>
        <nav><a href="/">Home</a></nav>
        <article><div class="entry-content">
        <p>{{Sentence}}</p>
        <p>The film moves slowly, and its patience is the point: every scene lets the actors breathe, and the settings carry the feeling.</p>
        <p>Carey Mulligan gives a restrained, careful performance, while Andrew Garfield brings a nervous warmth to the story.</p>
        </div></article></body></html>
        """;

    private static Encoding CodePagesEncoding(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return name == "utf-8" ? new UTF8Encoding(false) : Encoding.GetEncoding(name);
    }

    private static async Task<List<string?>> ExtractFileTextsAsync(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"nlmg-encoding-{Guid.NewGuid():N}.html");
        await File.WriteAllBytesAsync(path, bytes);
        try
        {
            return await ExtractTextsAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<List<string?>> ExtractTextsAsync(string fileOrUrl)
    {
        var settings = new Dictionary<string, string?> { ["Scraper:AllowedHosts:0"] = "127.0.0.1" };
        var result = await Nlmg.RunAsync(settings, "extract", fileOrUrl, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        return [.. json.RootElement.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("text").GetString())];
    }
}
