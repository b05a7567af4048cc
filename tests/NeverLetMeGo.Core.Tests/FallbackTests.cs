using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

/// <summary>No page fails for want of an article: without one, the page's best text region comes out, marked as such.</summary>
public sealed class FallbackTests
{
    private static string Page(string main) => $$"""
        <!DOCTYPE html>
        <html><head><title>Notes | Reel Notes</title></head>
        <body>
        <div class="site-header"><a href="/">Reel Notes</a></div>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/about">About</a></li></ul></nav>
        {{main}}
        <footer><p>Copyright Reel Notes. All rights reserved.</p></footer>
        </body></html>
        """;

    [Fact]
    public void An_article_page_says_it_found_an_article()
    {
        var review = Pages.Process(Pages.Article(Pages.ProseParagraphs()));

        Assert.Equal(ExtractionMode.Article, review.Extraction);
    }

    [Fact]
    public void A_thread_of_short_posts_comes_out_as_the_best_text_region()
    {
        var html = Page("""
            <div id="thread">
              <div class="msg"><b>ann</b><div>Loved it.</div></div>
              <div class="msg"><b>bo</b><div>Too slow for me.</div></div>
              <div class="msg"><b>cy</b><div>The ending though!</div></div>
            </div>
            """);

        var review = Pages.Process(html);

        Assert.Equal(ExtractionMode.Fallback, review.Extraction);
        Assert.Equal(["ann", "Loved it.", "bo", "Too slow for me.", "cy", "The ending though!"], review.Texts());
    }

    [Fact]
    public void Text_found_only_in_containers_named_like_clutter_still_comes_out()
    {
        var html = Page("""
            <div class="widget-area">
              <div class="widget"><h3>This week</h3><p>Short notes on the films we watched, in no particular order.</p></div>
              <div class="widget"><p>Next week: a long look at quiet science fiction.</p></div>
            </div>
            """);

        var review = Pages.Process(html);

        Assert.Equal(ExtractionMode.Fallback, review.Extraction);
        Assert.Equal(["This week", "Short notes on the films we watched, in no particular order.", "Next week: a long look at quiet science fiction."], review.Texts());
    }

    [Fact]
    public void A_post_that_is_only_its_title_keeps_the_title_as_its_text()
    {
        var html = Pages.Article("<h1 class=\"entry-title\">Next up: pumpkin pie</h1><img src=\"pie.jpg\" alt=\"\">")
            .Replace("<title>A review | Reel Notes</title>", "<title>Next up: pumpkin pie</title>", StringComparison.Ordinal);

        var review = Pages.Process(html);

        Assert.Equal(["Next up: pumpkin pie"], review.Texts());
    }
}
