using NeverLetMeGo.Worker.Sources;

namespace NeverLetMeGo.Worker.Tests;

/// <summary>What a source's XML gives: the feed formats sites still publish, and DTDs that are never processed.</summary>
public sealed class SourceDocumentTests
{
    // Netscape's RSS 0.91 feeds open with a DOCTYPE: refused outright ("DTD is prohibited"), the whole feed was lost.
    [Fact]
    public void An_rss_091_feed_with_its_doctype_gives_its_links()
    {
        const string xml = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Reviews</title>
              <item><title>One</title><link>https://reviews.example/one</link></item>
            </channel></rss>
            """;

        Assert.Equal(["https://reviews.example/one"], SourceDocument.Parse(xml).Pages);
    }

    // RSS 1.0 (RDF): items are the root's children, not the channel's.
    [Fact]
    public void An_rss_10_feed_gives_its_links()
    {
        const string xml = """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
              <channel rdf:about="https://reviews.example/"><title>Reviews</title></channel>
              <item rdf:about="https://reviews.example/one"><title>One</title><link>https://reviews.example/one</link></item>
              <item rdf:about="https://reviews.example/two"><title>Two</title><link>https://reviews.example/two</link></item>
            </rdf:RDF>
            """;

        Assert.Equal(["https://reviews.example/one", "https://reviews.example/two"], SourceDocument.Parse(xml).Pages);
    }

    // Ignoring the DTD is not processing it: an entity it declares is never expanded (a billion laughs) or fetched.
    [Theory]
    [InlineData("""<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>""", "&b;")]
    [InlineData("""<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>""", "&x;")]
    public void Entities_a_dtd_declares_are_never_expanded(string doctype, string reference)
    {
        var xml = $"""<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><item><link>https://reviews.example/{reference}</link></item></channel></rss>""";

        var error = Assert.Throws<InvalidDataException>(() => SourceDocument.Parse(xml));
        Assert.StartsWith("not well-formed XML", error.Message, StringComparison.Ordinal);
    }
}
