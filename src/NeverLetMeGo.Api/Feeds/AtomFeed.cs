using System.Globalization;
using NeverLetMeGo.Data.Reviews;

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

    // An entry is about 600 bytes (a 320-character excerpt and its links): one buffer, rarely grown.
    private const int FeedBytes = 1024;
    private const int EntryBytes = 768;

    /// <summary>The feed document, UTF-8.</summary>
    public static ReadOnlyMemory<byte> Write(string id, string title, Uri self, Uri site, IReadOnlyList<FeedEntryRow> entries, DateTimeOffset emptyUpdated)
    {
        var xml = new Utf8Xml(FeedBytes + EntryBytes * entries.Count);
        xml.Raw("""<?xml version="1.0" encoding="utf-8"?>"""u8).Raw("\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"u8);
        xml.Raw("  <id>"u8).Text(id).Raw("</id>\n  <title>"u8).Text(title).Raw("</title>\n  <updated>"u8)
            .Stamp(entries.Count == 0 ? emptyUpdated : entries.Max(Updated)).Raw("</updated>\n"u8);
        Link(xml, "  <link rel=\"self\" type=\"application/atom+xml\" href=\""u8, self.ToString());
        Link(xml, "  <link rel=\"alternate\" type=\"text/html\" href=\""u8, site.ToString());
        foreach (var entry in entries)
        {
            Entry(xml, site, entry);
        }

        xml.Raw("</feed>"u8);
        return xml.Written;
    }

    private static void Entry(Utf8Xml xml, Uri site, FeedEntryRow review)
    {
        xml.Raw("  <entry>\n    <id>urn:neverletmego:review:"u8).Number(review.Id).Raw("</id>\n    <title>"u8)
            .Text(review.SafeTitle).Text(Note(review)).Raw("</title>\n    <updated>"u8).Stamp(Updated(review))
            .Raw("</updated>\n    <author>\n      <name>"u8).Text(review.Author ?? review.SiteName ?? review.SiteHost).Raw("</name>\n    </author>\n"u8);
        Link(xml, "    <link rel=\"alternate\" type=\"text/html\" href=\""u8, new Uri(site, string.Create(CultureInfo.InvariantCulture, $"/?review={review.Id}")).ToString());
        Link(xml, "    <link rel=\"via\" type=\"text/html\" href=\""u8, review.Url);
        xml.Raw("    <summary type=\"text\">"u8).Text(Summary(review)).Raw("</summary>\n  </entry>\n"u8);
    }

    private static void Link(Utf8Xml xml, ReadOnlySpan<byte> start, string href) => xml.Raw(start).Text(href, attribute: true).Raw("\" />\n"u8);

    private static string Note(FeedEntryRow review) =>
        !review.ContainsSpoilers ? "" : review.Excerpt.Length == 0 ? OpensWithSpoilersNote : SpoilerNote;

    // A review that starts with its warning or a spoiler has no safe excerpt; an empty summary under a title promising
    // "spoilers after the excerpt" reads as a broken feed, so the entry says what is there, in counts only.
    private static string Summary(FeedEntryRow review)
    {
        if (review.Excerpt.Length > 0)
        {
            return review.Excerpt;
        }

        var hidden = review.PremiseBlocks + review.MajorBlocks;
        return hidden == 0
            ? "This review has no excerpt before its spoiler warning. Follow the link to read it."
            : string.Create(CultureInfo.InvariantCulture,
                $"This review starts with its spoiler warning or a spoiler, so there is no spoiler-free excerpt: {hidden} {(hidden == 1 ? "paragraph is" : "paragraphs are")} hidden until you reveal them. Follow the link to read it with its spoilers hidden.");
    }

    // Undated reviews use a fixed early date so the feed is stable between requests (and so is its ETag).
    private static DateTimeOffset Updated(FeedEntryRow review) => review.PublishedAt ?? DateTimeOffset.UnixEpoch;
}
