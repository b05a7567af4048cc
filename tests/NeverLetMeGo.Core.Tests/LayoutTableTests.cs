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

    private const string OldPage = """
        <HTML><HEAD><TITLE>Frequently Asked Questions about Beekeeping</TITLE></HEAD>
        <BODY>
        <CENTER><IMG SRC="logo.gif"><BR><A HREF="index.html">Home</A> | <A HREF="faq.html">FAQ</A> | <A HREF="links.html">Links</A></CENTER>
        <HR>
        <H2>Frequently Asked Questions</H2>
        <P><B>When should I open the hive?</B>
        <P>Choose a warm, calm afternoon when most of the foragers are out. The bees left inside are younger and gentler, and the colony loses less heat while the lid is off.
        <P>Read also: <A HREF="swarm.html">why bees swarm</A>, <A HREF="stings.html">stings</A> and <A HREF="winter.html">wintering</A>.
        <P><B>Why do bees swarm?</B>
        <P>Swarming is how a colony reproduces. The old queen leaves with about half the workers and a new queen takes over.
        <HR>
        <FONT SIZE=1>Last modified: 12 May 1999. Send comments to <A HREF="mailto:bees@example.org">bees@example.org</A></FONT>
        </BODY></HTML>
        """;

    [Fact]
    public void A_line_of_links_with_only_separators_between_them_is_a_menu_bar_but_links_in_a_sentence_are_text()
    {
        var review = ReviewPipeline.Process(OldPage, Url);

        Assert.DoesNotContain(review.Blocks, b => b.Text.Contains("FAQ", StringComparison.Ordinal));
        Assert.Contains(review.Blocks, b => b.Text.StartsWith("Read also: why bees swarm", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Last modified: 12 May 1999. Send comments to bees@example.org", true)]
    [InlineData("Copyright 2003 John Smith. All rights reserved.", true)]
    [InlineData("\u00A9 2003 John Smith", true)]
    [InlineData("This page was last updated on 3 June 2004.", true)]
    [InlineData("Powered by Blogger", true)]
    [InlineData("Thanks for reading The Long Take! Subscribe for free to receive new posts and support my work.", true)]
    [InlineData("Don't miss a post! Subscribe to our newsletter and get weekly updates delivered straight to your inbox!", true)]
    [InlineData("Thanks for reading, and see you next week with the sequel.", false)]
    [InlineData("Subscribers to the colony's newsletter learned about the swarm a week late.", false)]
    [InlineData("Copyright law is the subject of the next chapter, and it is more interesting than it sounds.", false)]
    [InlineData("The film was last updated for its 4K release, and it looks better than ever.", false)]
    public void The_footer_line_where_the_text_ends_is_not_text(string line, bool footer)
    {
        var review = ReviewPipeline.Process(OldPage.Replace("Last modified: 12 May 1999. Send comments to <A HREF=\"mailto:bees@example.org\">bees@example.org</A>", line, StringComparison.Ordinal), Url);

        Assert.Equal(footer, !review.Blocks.Any(b => b.Text.StartsWith(line[..12], StringComparison.Ordinal)));
        Assert.StartsWith("Swarming is how", review.Blocks[review.Blocks.Count - (footer ? 1 : 2)].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<a href="/">Home</a> &gt; <a href="/docs">Docs</a> &gt; README""", false)]
    [InlineData("""<a href="/films">Films</a> » <a href="/films/reviews">Reviews</a> » Never Let Me Go""", false)]
    [InlineData("""Prices went from <a href="/a">ten</a> &gt; <a href="/b">twenty</a> &gt; thirty dollars in a year, and nobody could say why it happened.""", true)]
    public void A_breadcrumb_is_not_text_but_arrows_in_a_sentence_are(string line, bool kept)
    {
        var review = ReviewPipeline.Process(OldPage.Replace("<HR>\n<H2>", "<P>" + line + "\n<HR>\n<H2>", StringComparison.Ordinal), Url);

        Assert.Contains("<HR>\n<H2>", OldPage, StringComparison.Ordinal);
        Assert.Equal(kept, review.Blocks.Any(b => b.Text.Contains(" > ", StringComparison.Ordinal) || b.Text.Contains(" » ", StringComparison.Ordinal)));
        Assert.Contains(review.Blocks, b => b.Text.StartsWith("Choose a warm", StringComparison.Ordinal));
    }

    [Fact]
    public void The_page_contact_line_and_the_way_back_home_are_not_text()
    {
        const string page = """
            <html><head><title>The History of Our Village Church</title></head><body>
            <center><h1>The History of Our Village Church</h1></center>
            <br><br>
            The church of St Mary was built in 1348 on the site of an older wooden chapel. Its tower, added a century later, can be seen from every farm.
            <br><br>
            There are six bells. The oldest was cast in 1602 and still rings for every wedding in the parish.
            <hr>
            <address>Page maintained by the parish council. Comments to <a href="mailto:clerk@example.org">the clerk</a>.</address>
            <a href="index.html">Back to the village home page</a>
            </body></html>
            """;

        var review = ReviewPipeline.Process(page, Url);

        Assert.StartsWith("There are six bells.", review.Blocks[^1].Text, StringComparison.Ordinal);
        Assert.StartsWith("The church of St Mary", review.Blocks[0].Text, StringComparison.Ordinal);
    }

    private static string BlogPost(string line) => $$"""
        <html><head><title>Free Online Cryptography Course: Notes on Security</title></head><body>
        <div class="indivbody">
        <h1>Notes on Security</h1>
        {{line}}
        <h3>Free Online Cryptography Course</h3>
        <p>Dan Boneh of Stanford University is offering a free online cryptography course. The course runs for six weeks, and has five to seven hours of coursework per week.</p>
        <p>It just started last week, and the first lectures on stream ciphers are already online for anyone who signs up now.</p>
        <p>I have not taken it myself, but readers who did tell me the exercises are the best part of it.</p>
        </div></body></html>
        """;

    [Theory]
    [InlineData("""<p align="right"><a href="/2012/11/fairy-wren.html">&laquo; Fairy Wren Passwords</a> | <a href="/">Main</a></p>""", false)]
    [InlineData("""<p><a href="/news">CBSNews.com</a> <a href="/olympics">Complete Coverage: 2012 London Olympics</a></p>""", false)]
    [InlineData("""<p>See also <a href="/a">the course page</a> and <a href="/b">its forum</a>.</p>""", true)]
    [InlineData("""<p><a href="/report.pdf">The full syllabus (PDF)</a></p>""", true)]
    public void A_paragraph_of_bare_links_is_a_pager_or_link_bar_but_links_with_words_are_text(string line, bool kept)
    {
        var review = ReviewPipeline.Process(BlogPost(line), Url);

        Assert.Equal(kept, review.Blocks.Any(b => b.Text.Contains(LinkText(line), StringComparison.Ordinal)));
        Assert.Contains(review.Blocks, b => b.Text.StartsWith("Dan Boneh of Stanford", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""<a href="/2012/10/keynote.html">&laquo; Preview of my keynote</a> |<br><a href="/">Main</a><br>""", false)]
    [InlineData("""<a href="/older">&larr; Older posts</a> &middot; <a href="/newer">Newer posts &rarr;</a><br>""", false)]
    [InlineData("""<a href="/info">More information</a> | <a href="/download">Download gadget</a><br>""", true)]
    public void Two_links_outside_a_paragraph_are_a_pager_only_when_they_point_back_or_forth(string line, bool kept)
    {
        var review = ReviewPipeline.Process(BlogPost(line), Url);

        Assert.Equal(kept, review.Blocks.Any(b => b.Text.Contains(LinkText(line), StringComparison.Ordinal)));
        Assert.Contains(review.Blocks, b => b.Text.StartsWith("Dan Boneh of Stanford", StringComparison.Ordinal));
    }

    // The first link's words, as the text shows them (entities read, arrows left out).
    private static string LinkText(string line)
    {
        var start = line.IndexOf('>', line.IndexOf("<a ", StringComparison.Ordinal)) + 1;
        var text = line[start..line.IndexOf("</a>", start, StringComparison.Ordinal)];
        return System.Net.WebUtility.HtmlDecode(text).Trim('\u00AB', '\u2190', '\u2192', ' ');
    }
}
