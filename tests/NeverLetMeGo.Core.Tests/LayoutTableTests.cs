namespace NeverLetMeGo.Core.Tests;

/// <summary>Pages laid out with tables, as older sites and personal pages still are: the menu cell is not the text.</summary>
public sealed class LayoutTableTests
{
    private static readonly Uri Url = new("https://example.com/tips");

    private static string Page(string menu, string inText = "") => $$"""
        <html><head><title>John's Home Page - Gardening Tips</title></head>
        <body bgcolor="#ffffff">
        <table width="100%" border="0"><tr><td width="150" valign="top">{{menu}}</td><td valign="top">
        <font face="Arial" size="4"><b>Gardening Tips for Spring</b></font><br><br>
        <font face="Arial" size="2">Spring is the best time to prepare your soil. Start by removing weeds and old roots, then dig in a generous layer of compost.<br><br>
        Tomatoes need at least six hours of sun a day. Plant them after the last frost, about two feet apart, and water deeply twice a week.<br><br>
        Remember to rotate your crops every year so that pests and diseases do not build up in one bed.</font>
        {{inText}}</td></tr></table></body></html>
        """;

    [Fact]
    public void A_cell_of_menu_links_beside_the_text_is_navigation()
    {
        var menu = """<a href="/">Home</a><br><a href="/tips">Tips</a><br><a href="/links">Links</a><br><a href="/guest">Guestbook</a>""";

        var review = ReviewPipeline.Process(Page(menu), Url);

        Assert.DoesNotContain(review.Blocks, b => b.Text.Contains("Guestbook", StringComparison.Ordinal));
        Assert.Contains(review.Blocks, b => b.Text.StartsWith("Tomatoes need", StringComparison.Ordinal));
    }

    [Fact]
    public void A_data_cell_that_is_one_link_or_image_links_stays_with_its_table()
    {
        // A table of the text (a cast list with a link per name, an image linked beside each name) is content.
        var table = """
            <table class="cast">
            <tr><td><a href="/p/1"><img src="a.jpg"></a><a href="/p/1">Carey Mulligan</a> and <a href="/p/4"><img src="d.jpg"></a><a href="/p/4">Izzy Meikle-Small</a></td><td>Kathy, a carer who looks back</td></tr>
            <tr><td><a href="/p/2"><img src="b.jpg"></a><a href="/p/2">Andrew Garfield</a></td><td>Tommy, her friend since school</td></tr>
            <tr><td><a href="/p/3"><img src="c.jpg"></a><a href="/p/3">Keira Knightley</a></td><td>Ruth, their friend and rival</td></tr>
            </table>
            """;

        var review = ReviewPipeline.Process(Page("", table), Url);

        Assert.Contains(review.Blocks, b => b.Text.Contains("Izzy Meikle-Small", StringComparison.Ordinal));
        Assert.Contains(review.Blocks, b => b.Text.Contains("Andrew Garfield", StringComparison.Ordinal));
    }
}
