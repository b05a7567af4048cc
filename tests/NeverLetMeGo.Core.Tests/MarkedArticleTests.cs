namespace NeverLetMeGo.Core.Tests;

/// <summary>
/// A page's wrapper can outscore the article it holds (every column named "content"), and then brings the sidebar along;
/// an image gallery's captions are its own furniture, an embedded social post someone else's words. None belongs in the article.
/// </summary>
public sealed class MarkedArticleTests
{
    private const string SidebarText = "Our weekend pick, chosen by the editors, is a restored print of a silent comedy, with a new score, live, in the old hall";

    private static string Columns(string article, string sidebarParagraphs) => $$"""
        <!DOCTYPE html>
        <html><head><title>A review | Reel Notes</title></head>
        <body>
        <div id="main" class="content">
          <div id="left" class="content">{{article}}</div>
          <div id="right" class="content"><div class="box content">{{sidebarParagraphs}}</div></div>
        </div>
        </body></html>
        """;

    private static string Sidebar(int count) =>
        string.Concat(Enumerable.Range(1, count).Select(i => $"<p>{SidebarText}, number {i}, on Sunday, at noon, and again, at six.</p>"));

    [Fact]
    public void A_marked_article_inside_a_wrapper_that_outscores_it_keeps_the_sidebar_out()
    {
        var html = Columns($"<article><h1>Never Let Me Go</h1>{Pages.ProseParagraphs()}</article>", Sidebar(2));

        var text = Pages.Process(html).AllText();

        Assert.All(Pages.Prose, p => Assert.Contains(p, text, StringComparison.Ordinal));
        Assert.DoesNotContain("weekend pick", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("photo-gallery")]
    [InlineData("slideshow")]
    [InlineData("carousel-items")]
    public void An_image_galleries_captions_stay_out_of_the_article(string galleryClass)
    {
        var captions = string.Concat(Enumerable.Range(1, 4).Select(i =>
            $"<div class=\"item\"><img src=\"{i}.jpg\" alt=\"\"><p>The cast on the beach at dusk, photographed during the shoot, frame {i}, by the unit photographer.</p></div>"));
        var html = Pages.Article($"{Pages.ProseParagraphs()}<div class=\"{galleryClass}\">{captions}</div>");

        var text = Pages.Process(html).AllText();

        Assert.All(Pages.Prose, p => Assert.Contains(p, text, StringComparison.Ordinal));
        Assert.DoesNotContain("unit photographer", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_embedded_social_post_stays_out_of_the_article()
    {
        // Without its script an embedded post is a blockquote of someone else's words, a link and a date.
        const string Tweet = """
            <blockquote class="twitter-tweet"><p>Just saw it at the festival, and I have not stopped crying since, what a film, honestly</p>
            &mdash; A Viewer (@aviewer) <a href="https://twitter.example/aviewer/status/1">March 3, 2011</a></blockquote>
            """;
        var html = Pages.Article($"{Pages.ProseParagraphs()}{Tweet}<p>The audience at the festival agreed, loudly, and the applause went on for minutes.</p>");

        var text = Pages.Process(html).AllText();

        Assert.All(Pages.Prose, p => Assert.Contains(p, text, StringComparison.Ordinal));
        Assert.Contains("The audience at the festival agreed", text, StringComparison.Ordinal);
        Assert.DoesNotContain("stopped crying", text, StringComparison.Ordinal);
    }
}
