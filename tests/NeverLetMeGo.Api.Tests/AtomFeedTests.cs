using System.Text;
using System.Xml.Linq;
using NeverLetMeGo.Api.Feeds;
using NeverLetMeGo.Data.Reviews;

namespace NeverLetMeGo.Api.Tests;

public sealed class AtomFeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static FeedEntryRow Entry(string title, string excerpt, string url = "https://reviews.example/a?x=1&y=\"2\"", string? author = null) => new(
        7, title, author, null, "reviews.example", url, new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromHours(-2)), true, 1, 2, excerpt);

    private static XElement Parse(ReadOnlyMemory<byte> feed) => XDocument.Parse(Encoding.UTF8.GetString(feed.Span)).Root!;

    [Theory]
    [InlineData("Tom & Jerry <b>\"bold\"</b> 'quoted'")]
    [InlineData("]]> and &amp; as text")]
    [InlineData("Emoji 😀, accents é, CJK 漢字")]
    [InlineData("tab\there, line\nfeed, carriage\rreturn")]
    public void Text_and_attributes_read_back_exactly_as_written(string text)
    {
        var feed = Parse(AtomFeed.Write("urn:x", text, new Uri("https://nlmg.example/feed.atom"), new Uri("https://nlmg.example/"),
            [Entry(text, text, url: "https://reviews.example/" + Uri.EscapeDataString(text) + "?a=1&b=\"2\"", author: text)], DateTimeOffset.UnixEpoch));

        Assert.Equal(text, feed.Element(Atom + "title")!.Value);
        var entry = Assert.Single(feed.Elements(Atom + "entry"));
        Assert.Equal(text + AtomFeed.SpoilerNote, entry.Element(Atom + "title")!.Value);
        Assert.Equal(text, entry.Element(Atom + "summary")!.Value);
        Assert.Equal(text, entry.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Equal("https://reviews.example/" + Uri.EscapeDataString(text) + "?a=1&b=\"2\"",
            entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "via").Attribute("href")!.Value);
    }

    [Fact]
    public void An_attribute_keeps_its_tabs_and_line_feeds()
    {
        var feed = Parse(AtomFeed.Write("urn:x", "t", new Uri("https://nlmg.example/feed.atom"), new Uri("https://nlmg.example/"),
            [Entry("t", "e", url: "a\tb\nc\rd")], DateTimeOffset.UnixEpoch));

        Assert.Equal("a\tb\nc\rd", feed.Element(Atom + "entry")!.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "via").Attribute("href")!.Value);
    }

    [Fact]
    public void Characters_xml_cannot_hold_become_replacement_characters_instead_of_failing_the_feed()
    {
        var text = "bell\u0007 nul\0 form\u000C feed, lone \uD800 half, not \uFFFE a char, pair 😀";

        var feed = Parse(AtomFeed.Write("urn:x", "t", new Uri("https://nlmg.example/feed.atom"), new Uri("https://nlmg.example/"),
            [Entry(text, text)], DateTimeOffset.UnixEpoch));

        Assert.Equal("bell\uFFFD nul\uFFFD form\uFFFD feed, lone \uFFFD half, not \uFFFD a char, pair 😀",
            feed.Element(Atom + "entry")!.Element(Atom + "summary")!.Value);
    }

    [Fact]
    public void Times_are_utc_to_the_second_and_the_feed_is_updated_by_its_newest_entry()
    {
        var older = Entry("old", "e") with { Id = 8, PublishedAt = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        var undated = Entry("undated", "e") with { Id = 9, PublishedAt = null };

        var feed = Parse(AtomFeed.Write("urn:x", "t", new Uri("https://nlmg.example/feed.atom"), new Uri("https://nlmg.example/"),
            [older, Entry("new", "e"), undated], DateTimeOffset.UnixEpoch));

        Assert.Equal("2024-03-01T01:59:59Z", feed.Element(Atom + "updated")!.Value);
        Assert.Equal(["2020-01-01T00:00:00Z", "2024-03-01T01:59:59Z", "1970-01-01T00:00:00Z"],
            feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "updated")!.Value));
        Assert.Equal(["urn:neverletmego:review:8", "urn:neverletmego:review:7", "urn:neverletmego:review:9"],
            feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value));
    }

    [Fact]
    public void An_empty_feed_is_updated_at_the_given_time()
    {
        var feed = Parse(AtomFeed.Write("urn:x", "t", new Uri("https://nlmg.example/feed.atom"), new Uri("https://nlmg.example/"), [], new DateTimeOffset(2021, 5, 6, 7, 8, 9, TimeSpan.Zero)));

        Assert.Equal("2021-05-06T07:08:09Z", feed.Element(Atom + "updated")!.Value);
        Assert.Empty(feed.Elements(Atom + "entry"));
    }
}
