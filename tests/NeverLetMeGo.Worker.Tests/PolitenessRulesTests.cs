using System.Net;
using NeverLetMeGo.Worker.Fetching;
using NeverLetMeGo.Worker.Politeness;
using NeverLetMeGo.Worker.Sources;

namespace NeverLetMeGo.Worker.Tests;

/// <summary>The pure rules behind politeness and sources: robots.txt matching, the address policy, sitemap and feed links.</summary>
public sealed class PolitenessRulesTests
{
    private const string Robots = """
        User-agent: *
        Disallow: /

        User-agent: NeverLetMeGo
        Disallow: /reviews/
        Allow: /reviews/public/
        Disallow: /*.pdf$
        Disallow: /search?*sort=
        Allow: /tie
        Disallow: /tie
        Crawl-delay: 2.5
        """;

    [Theory]
    [InlineData("/", true)]
    [InlineData("/reviews/", false)]
    [InlineData("/reviews/secret", false)]
    [InlineData("/reviews/public/one", true)]
    [InlineData("/files/a.pdf", false)]
    [InlineData("/files/a.pdf?download=1", true)]
    [InlineData("/search?q=x&sort=new", false)]
    [InlineData("/search?q=x", true)]
    [InlineData("/tie", true)]
    [InlineData("/reviews%2Fsecret", false)] // decoding %2F too errs on the polite side
    public void Our_group_applies_the_longest_match_wins_and_allow_wins_a_tie(string path, bool allowed) =>
        Assert.Equal(allowed, RobotsRules.Parse(Robots, "NeverLetMeGo").IsAllowed(path));

    [Fact]
    public void Crawl_delay_comes_from_our_group_and_other_agents_fall_back_to_the_star_group()
    {
        Assert.Equal(TimeSpan.FromSeconds(2.5), RobotsRules.Parse(Robots, "NeverLetMeGo").CrawlDelay);
        var other = RobotsRules.Parse(Robots, "SomeBot");
        Assert.False(other.IsAllowed("/reviews/public/one"));
        Assert.Null(other.CrawlDelay);
        Assert.True(RobotsRules.Parse("", "NeverLetMeGo").IsAllowed("/anything"));
    }

    // RFC 9309 §2.2.1: a group is ours when its user-agent is our product token (case aside), not any piece of it. "go"
    // or "me" named another crawler's group and made it ours; a token with a version ("NeverLetMeGo/1.0") is still ours.
    [Theory]
    [InlineData("User-agent: go\nDisallow: /", true)]
    [InlineData("User-agent: letme\nDisallow: /", true)]
    [InlineData("User-agent: neverletmego\nDisallow: /", false)]
    [InlineData("User-agent: NeverLetMeGo/1.0\nDisallow: /", false)]
    [InlineData("User-agent: SomeBot\nUser-agent: NEVERLETMEGO\nDisallow: /", false)]
    public void A_group_is_ours_only_when_it_names_our_product_token(string robots, bool allowed) =>
        Assert.Equal(allowed, RobotsRules.Parse(robots, "NeverLetMeGo").IsAllowed("/reviews/1"));

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("224.0.0.1", true)]
    [InlineData("93.184.216.34", false)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("2606:4700::1111", false)]
    public void Private_loopback_and_link_local_addresses_are_not_public(string address, bool nonPublic) =>
        Assert.Equal(nonPublic, AddressPolicy.IsNonPublic(IPAddress.Parse(address)));

    [Fact]
    public void An_allow_list_entry_matches_the_name_or_the_address()
    {
        Assert.True(AddressPolicy.IsAllowListed("LOCALHOST", IPAddress.Loopback, ["localhost"]));
        Assert.True(AddressPolicy.IsAllowListed("db.internal", IPAddress.Parse("10.0.0.5"), ["10.0.0.5"]));
        Assert.False(AddressPolicy.IsAllowListed("db.internal", IPAddress.Parse("10.0.0.6"), ["10.0.0.5", "localhost"]));
    }

    [Fact]
    public void Sitemaps_indexes_rss_and_atom_give_their_links()
    {
        var urlset = SourceDocument.Parse("""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc> https://a.example/1 </loc></url><url><loc/></url></urlset>""");
        var index = SourceDocument.Parse("""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://a.example/s1.xml</loc></sitemap></sitemapindex>""");
        var rss = SourceDocument.Parse("""<rss version="2.0"><channel><item><link>https://a.example/r</link></item></channel></rss>""");
        var atom = SourceDocument.Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry><link rel="self" href="https://a.example/api/1"/><link href="https://a.example/a1"/></entry>
              <entry><link rel="alternate" href="https://a.example/a2"/></entry>
            </feed>
            """);

        Assert.Equal(["https://a.example/1"], urlset.Pages);
        Assert.Empty(urlset.Sitemaps);
        Assert.Empty(index.Pages);
        Assert.Equal(["https://a.example/s1.xml"], index.Sitemaps);
        Assert.Equal(["https://a.example/r"], rss.Pages);
        Assert.Equal(["https://a.example/a1", "https://a.example/a2"], atom.Pages);
    }

    [Theory]
    [InlineData("<html><body>not a feed</body></html>", "<html> is neither a sitemap nor an RSS or Atom feed")]
    [InlineData("<urlset>", "not well-formed XML: ")]
    [InlineData("<!DOCTYPE x [<!ENTITY e \"boom\">]><urlset>&e;</urlset>", "not well-formed XML: ")]
    public void Anything_else_is_refused_with_a_reason_and_dtds_are_never_processed(string xml, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => SourceDocument.Parse(xml));
        Assert.StartsWith(reason, error.Message, StringComparison.Ordinal);
    }
}
