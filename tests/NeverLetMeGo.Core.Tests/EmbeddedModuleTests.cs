namespace NeverLetMeGo.Core.Tests;

/// <summary>
/// A module embedded in a marked article (a news page's gallery of other stories, fifty captioned slides) stays out of
/// the article however much text it holds, as long as the article has prose of its own besides it.
/// </summary>
public sealed class EmbeddedModuleTests
{
    private static readonly string[] Own =
    [
        .. Pages.Prose,
        "Alex Garland's script keeps the novel's quiet voice, and Mark Romanek films the English coast as if it were already a memory.",
        "The film opens in cinemas on Friday; it runs for an hour and forty minutes and is rated 12A for its themes and a few tense scenes.",
    ];

    private static string Slides() => string.Concat(Enumerable.Range(1, 40).Select(i =>
        $"<li><h3>{i}/40 Market news, item {i}</h3><p>Shares in the company number {i} fell sharply on Tuesday after a profit warning, " +
        "and analysts said the outlook for the rest of the year was uncertain, with sales down in every region.</p></li>"));

    private static string Page(string own) => $$"""
        <!DOCTYPE html>
        <html><head><title>A quiet film about memory | Daily Paper</title></head>
        <body>
        <nav><a href="/">Home</a> <a href="/culture">Culture</a></nav>
        <article class="full-article">
          <h1>A quiet film about memory</h1>
          <div class="text-wrapper">
            {{own}}
            <div class="full-gallery"><div class="scroller"><ul class="legends">{{Slides()}}</ul></div></div>
          </div>
        </article>
        </body></html>
        """;

    [Fact]
    public void A_gallery_inside_the_article_stays_out_even_when_its_captions_outweigh_the_story()
    {
        var review = Pages.Process(Page(string.Concat(Own.Select(p => $"<p>{p}</p>"))));

        Assert.Equal(Own, review.Texts().Where(t => t != "A quiet film about memory").ToArray());
        Assert.DoesNotContain("Market news", review.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_gallery_that_is_all_the_article_holds_is_its_text()
    {
        // A photo essay: the marked article has nothing of its own but the slides, so the slides are what it says.
        var text = Pages.Process(Page(own: "")).AllText();

        Assert.Contains("Shares in the company number 1 fell", text, StringComparison.Ordinal);
        Assert.Contains("Shares in the company number 40 fell", text, StringComparison.Ordinal);
    }
}
