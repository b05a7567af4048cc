namespace NeverLetMeGo.Core.Tests;

/// <summary>"More stories" lists (a title and a line or two that link elsewhere, item after item) are not article text, unless they are the page.</summary>
public sealed class TeaserListTests
{
    private static string Teasers(int count) => string.Concat(Enumerable.Range(1, count).Select(i => $"""
        <li><h3>Another quiet drama, number {i}, opens this week in three cities</h3>
        <p class="text">A short summary of that other story, with a few words on its cast and its director, number {i}. <a href="/news/{i}">Read more...</a></p>
        <p class="date">2012-11-0{i}</p></li>
        """));

    private static string Page(string main) => $"""
        <!DOCTYPE html>
        <html><head><title>News | Reel Notes</title></head>
        <body><div id="wrapper"><div id="main-container" class="center-content">{main}</div></div></body></html>
        """;

    [Fact]
    public void A_list_of_teasers_after_the_story_stays_out_of_the_article()
    {
        var story = $"<div id=\"primary\"><h3>The new film</h3>{Pages.ProseParagraphs()}{Pages.ProseParagraphs()}</div>";
        var html = Page($"<div id=\"block\">{story}<div id=\"secondary\"><ul>{Teasers(3)}</ul></div></div>");

        var text = Pages.Process(html).AllText();

        Assert.All(Pages.Prose, p => Assert.Contains(p, text, StringComparison.Ordinal));
        Assert.DoesNotContain("Another quiet drama", text, StringComparison.Ordinal);
        Assert.DoesNotContain("short summary", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_that_is_only_teasers_still_yields_them()
    {
        var review = Pages.Process(Page($"<ul>{Teasers(5)}</ul>"));

        Assert.Contains(review.Texts(), t => t.Contains("short summary of that other story", StringComparison.Ordinal));
    }
}
