using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

public sealed class PageUrlsTests
{
    [Theory]
    [InlineData("https://Blog.Example/Review#comments", "https://blog.example/Review")]
    [InlineData("https://blog.example/r?utm_source=rss&utm_medium=feed", "https://blog.example/r")]
    [InlineData("https://blog.example/r?p=12&fbclid=abc&gclid=x", "https://blog.example/r?p=12")]
    [InlineData("http://blog.example:80/r?UTM_Campaign=x&page=2", "http://blog.example/r?page=2")]
    [InlineData("https://blog.example:8443/r", "https://blog.example:8443/r")]
    public void Tracking_parameters_fragments_and_default_ports_are_dropped(string url, string canonical) =>
        Assert.Equal(canonical, PageUrls.Canonicalize(url));

    [Theory]
    [InlineData("ftp://blog.example/r")]
    [InlineData("/relative/path")]
    [InlineData("not a url")]
    // System.Uri parses these, then throws when they are built again: an empty user name before a port-like colon, a
    // host of a direction mark. One such <loc> in a sitemap failed its whole source; as a canonical link, its page.
    [InlineData("https://:443@blog.example/r")]
    [InlineData("http://:8080@caf\u00e9.example")]
    [InlineData("https://\u202e/r")]
    public void Anything_but_an_absolute_http_url_has_no_canonical_form(string url) => Assert.Null(PageUrls.Canonicalize(url));

    // One page is one job only if the form is a fixed point: a URL queued in it, fetched, and read back as the review's URL
    // (MetadataResolver.ChooseUrl) must come out the same. Seeded pieces of real and broken URLs, joined at random.
    [Fact]
    public void The_form_never_throws_and_is_its_own_form()
    {
        string[] pieces = ["http://", "https://", "HTTP://", "a.example", "A.Example", "xn--caf-dma.example", "caf\u00e9.example", "[::1]", ":80", ":443",
            ":8080", "/", "/p", "/p q", "/%7Efoo", "/a/../b", "?", "?a=1", "&b=2", "&utm_source=x", "&UTM_x=1", "#frag", "%", "%zz", "%41", "user:pw@",
            "@", ";x=1", "?q=%26", "?a=1&&b=2", "?=", "?&", " ", "\u00e9", "\u202e", "//", "\\"];
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var url = pieces[random.Next(2)] + string.Concat(Enumerable.Range(0, random.Next(1, 7)).Select(_ => pieces[random.Next(pieces.Length)]));

            var once = PageUrls.Canonicalize(url);

            if (once is not null)
                Assert.Equal(once, PageUrls.Canonicalize(once));
        }
    }
}
