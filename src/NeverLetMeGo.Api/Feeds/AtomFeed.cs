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
    public const string OpensWithSpoilersNote = " [spoilers from the start]";
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
        xml.WriteElementString("title", Atom, review.Title + Note(review));
        xml.WriteElementString("updated", Atom, Stamp(Updated(review)));
        xml.WriteStartElement("author", Atom);
        xml.WriteElementString("name", Atom, review.Author ?? review.SiteName);
        xml.WriteEndElement();
        Link(xml, "alternate", new Uri(site, string.Create(CultureInfo.InvariantCulture, $"/?review={review.Id}")).ToString(), "text/html");
        Link(xml, "via", review.Url, "text/html");
        xml.WriteStartElement("summary", Atom);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(Summary(review));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static string Note(ReviewSummaryResponse review) =>
        !review.ContainsSpoilers ? "" : review.Excerpt.Length == 0 ? OpensWithSpoilersNote : SpoilerNote;

    // A review that starts with its warning or a spoiler has no safe excerpt; an empty summary under a title promising
    // "spoilers after the excerpt" reads as a broken feed, so the entry says what is there, in counts only.
    private static string Summary(ReviewSummaryResponse review)
    {
        if (review.Excerpt.Length > 0)
        {
            return review.Excerpt;
        }

        var hidden = review.SpoilerBlocks.Premise + review.SpoilerBlocks.Major;
        return hidden == 0
            ? "This review has no excerpt before its spoiler warning. Follow the link to read it."
            : string.Create(CultureInfo.InvariantCulture,
                $"This review starts with its spoiler warning or a spoiler, so there is no spoiler-free excerpt: {hidden} {(hidden == 1 ? "paragraph is" : "paragraphs are")} hidden until you reveal them. Follow the link to read it with its spoilers hidden.");
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
