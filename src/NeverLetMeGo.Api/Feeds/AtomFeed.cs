using System.Globalization;
using System.Text;
using System.Xml;
using NeverLetMeGo.Api.Reviews;

namespace NeverLetMeGo.Api.Feeds;

/// <summary>
/// Atom 1.0 written by hand: each entry carries only the safe title, the spoiler-safe excerpt and links. A review with
/// spoilers says so in the entry title, so a feed reader never shows more than the excerpt.
/// </summary>
internal static class AtomFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    public const string SpoilerNote = " [spoilers after the excerpt]";
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static string Write(string id, string title, Uri self, Uri site, IReadOnlyList<ReviewSummaryResponse> entries, DateTimeOffset emptyUpdated)
    {
        var output = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using (var xml = XmlWriter.Create(new Utf8StringWriter(output), settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, id);
            xml.WriteElementString("title", Atom, title);
            xml.WriteElementString("updated", Atom, Stamp(entries.Count == 0 ? emptyUpdated : entries.Max(Updated)));
            Link(xml, "self", self.ToString(), "application/atom+xml");
            Link(xml, "alternate", site.ToString(), "text/html");
            foreach (var entry in entries)
            {
                Entry(xml, site, entry);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return output.ToString();
    }

    private static void Entry(XmlWriter xml, Uri site, ReviewSummaryResponse review)
    {
        xml.WriteStartElement("entry", Atom);
        xml.WriteElementString("id", Atom, string.Create(CultureInfo.InvariantCulture, $"urn:neverletmego:review:{review.Id}"));
        xml.WriteElementString("title", Atom, review.Title + (review.ContainsSpoilers ? SpoilerNote : ""));
        xml.WriteElementString("updated", Atom, Stamp(Updated(review)));
        xml.WriteStartElement("author", Atom);
        xml.WriteElementString("name", Atom, review.Author ?? review.SiteName);
        xml.WriteEndElement();
        Link(xml, "alternate", new Uri(site, string.Create(CultureInfo.InvariantCulture, $"/?review={review.Id}")).ToString(), "text/html");
        Link(xml, "via", review.Url, "text/html");
        xml.WriteStartElement("summary", Atom);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(review.Excerpt);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    // Undated reviews use a fixed early date so the feed is stable between requests (and so is its ETag).
    private static DateTimeOffset Updated(ReviewSummaryResponse review) => review.PublishedAt ?? DateTimeOffset.UnixEpoch;

    private static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
