using System.Xml;
using System.Xml.Linq;

namespace NeverLetMeGo.Worker.Sources;

/// <summary>The links of a sitemap (pages), a sitemap index (more sitemaps), an RSS or an Atom feed (pages).</summary>
internal sealed record SourceDocument(IReadOnlyList<string> Pages, IReadOnlyList<string> Sitemaps)
{
    /// <summary>Parses without DTDs (no entity expansion, no external fetches); a document of another kind is an error.</summary>
    public static SourceDocument Parse(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 50_000_000 };
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new InvalidDataException($"not well-formed XML: {ex.Message}", ex);
        }
        var root = document.Root!;
        IEnumerable<string?> Locs(string parent) =>
            root.Elements().Where(e => e.Name.LocalName == parent).Select(e => e.Elements().FirstOrDefault(c => c.Name.LocalName == "loc")?.Value);
        return root.Name.LocalName switch
        {
            "urlset" => new(Clean(Locs("url")), []),
            "sitemapindex" => new([], Clean(Locs("sitemap"))),
            "rss" => new(Clean(root.Descendants().Where(e => e.Name.LocalName == "item")
                .Select(i => i.Elements().FirstOrDefault(c => c.Name.LocalName == "link")?.Value)), []),
            "feed" => new(Clean(root.Elements().Where(e => e.Name.LocalName == "entry").Select(AtomLink)), []),
            var other => throw new InvalidDataException($"<{other}> is neither a sitemap nor an RSS or Atom feed"),
        };
    }

    private static string? AtomLink(XElement entry) => entry.Elements()
        .Where(e => e.Name.LocalName == "link" && (string?)e.Attribute("rel") is null or "alternate")
        .Select(e => (string?)e.Attribute("href"))
        .FirstOrDefault();

    private static List<string> Clean(IEnumerable<string?> links) =>
        [.. links.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!.Trim())];
}
