using System.Globalization;
using System.Text.RegularExpressions;

namespace NeverLetMeGo.Bench.Perf;

/// <summary>
/// Scrape pages: variations of samples/*.html (another work's title and characters, the page's own canonical URL), spread
/// over several local origins (ports), as a crawl spreads over sites. Set "a" is scraped by nlmg scrape, set "b" by the
/// workers, so neither run finds the other's pages already stored.
/// </summary>
internal static partial class Pages
{
    public static IReadOnlyList<string> Templates(string samples) =>
        [.. Directory.GetFiles(samples, "*.html").Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    public static string Url(string set, int page, int basePort, int origins) =>
        string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{basePort + page % origins}/{set}/{page}.html");

    public static string Page(IReadOnlyList<string> templates, string url, int page)
    {
        var html = templates[page % templates.Count];
        var work = 2 + page % 500;
        var names = Corpus.Names(work);
        html = Canonical().Replace(html, m => m.Groups[1].Value + url + "\"");
        return html.Replace("Never Let Me Go", Corpus.WorkTitle(work), StringComparison.Ordinal)
            .Replace("Kathy", names[0], StringComparison.Ordinal)
            .Replace("Tommy", names[1], StringComparison.Ordinal)
            .Replace("Ruth", names[2], StringComparison.Ordinal);
    }

    [GeneratedRegex(@"((?:rel=""canonical"" href|property=""og:url"" content)="")https?://[^""]*""")]
    private static partial Regex Canonical();
}
