using System.Xml;
using System.Xml.Linq;

namespace NeverLetMeGo.Worker.Sources;

/// <summary>The links of a sitemap (pages), a sitemap index (more sitemaps), an RSS (0.9x, 1.0, 2.0) or an Atom feed (pages).</summary>
internal sealed record SourceDocument(IReadOnlyList<string> Pages, IReadOnlyList<string> Sitemaps)
{
    /// <summary>
    /// Parses without processing DTDs (no entity expansion, no external fetches); a document of another kind is an error.
    /// A DOCTYPE is passed over rather than refused: Netscape's RSS 0.91 feeds open with one, and refusing it lost the feed.
    /// An entity it declares stays undeclared, so a reference to one fails the document as not well-formed.
    /// </summary>
    public static SourceDocument Parse(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersInDocument = 50_000_000 };
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
            // RSS 0.9x and 2.0 put their items in the channel, RSS 1.0 (RDF) beside it.
            "rss" or "RDF" => new(Clean(root.Descendants().Where(e => e.Name.LocalName == "item")
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
