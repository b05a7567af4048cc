namespace NeverLetMeGo.Core.Tests;

/// <summary>
/// A newspaper's exported chart prints its axis values and annotations as paragraphs placed at percentages over the
/// picture: they are read on the graphic, not as the article's text. Text nudged in pixels stays.
/// </summary>
public sealed class GraphicLabelTests
{
    private static string Label(string top, string side, string text) =>
        $"<div class=\"g-layer\" style=\"top:{top};margin-top:-9.2px;{side};width:60px;\"><p class=\"g-pstyle0\">{text}</p></div>";

    private static string Page(string chart) => Pages.Article($"""
        <p>{Pages.Prose[0]}</p>
        <div class="graphic"><div class="g-artboard" style="min-width:600px;">{chart}</div></div>
        <p>{Pages.Prose[1]}</p>
        <p>{Pages.Prose[2]}</p>
        """);

    [Fact]
    public void Labels_placed_at_percentages_over_a_chart_are_not_article_text()
    {
        var texts = Pages.Process(Page(
            Label("70.99%", "left:5.8%", "$263") + Label("85.75%", "right:95.06%", "billion") + Label("91.97%", "left:6.16%", "’17")
            + Label("12%", "left:40%", "Interest payments could pass the defence budget by 2023"))).Texts();

        Assert.Equal(Pages.Prose, texts);
    }

    [Fact]
    public void Text_nudged_in_pixels_or_placed_on_one_axis_stays()
    {
        var texts = Pages.Process(Page(
            "<p style=\"position:relative;top:2px;left:3px\">A note the editor nudged into place beside the chart.</p>"
            + "<p style=\"margin-top:5%\">A note spaced from the chart by a fraction of its width.</p>")).Texts();

        Assert.Contains("A note the editor nudged into place beside the chart.", texts);
        Assert.Contains("A note spaced from the chart by a fraction of its width.", texts);
    }
}
