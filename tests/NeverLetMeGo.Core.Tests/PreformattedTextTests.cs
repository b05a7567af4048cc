using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

/// <summary>Plain text in &lt;pre&gt;, as mailing-list archives and text pages publish it.</summary>
public sealed class PreformattedTextTests
{
    private const string Archive = """
        <HTML><HEAD><TITLE> [gardeners] Re: slugs on lettuce</TITLE></HEAD><BODY>
        <H1>[gardeners] Re: slugs on lettuce</H1>
        <B>Mary Jones</B> <A HREF="mailto:gardeners@example.org">mary at example.org</A><BR>
        <P><UL>
        <LI>Previous message: <A HREF="000123.html">[gardeners] slugs on lettuce</A></li>
        <LI>Next message: <A HREF="000125.html">[gardeners] tomato blight</A></li>
        </UL>
        <HR>
        <PRE>On Mon, Apr 2, 2007, Tom Smith wrote:
        &gt; Does anyone have a way to keep slugs off lettuce that does not involve
        &gt; pellets? The children play in that bed.

        We use copper tape around the raised beds and it works well. The slugs
        will not cross it. It costs a little more than pellets but lasts for years.

        Beer traps also work if you empty them every morning.
        </PRE>
        <HR>
        </BODY></HTML>
        """;

    [Fact]
    public void A_blank_line_ends_a_paragraph_and_quoted_lines_are_a_quote_without_their_marks()
    {
        var review = ReviewPipeline.Process(Archive, new Uri("https://lists.example.org/pipermail/gardeners/000124.html"));
        var texts = review.Blocks.Select(b => (b.Kind, b.Text)).ToList();

        Assert.Contains((BlockKind.Paragraph, "On Mon, Apr 2, 2007, Tom Smith wrote:"), texts);
        Assert.Contains((BlockKind.Quote, "Does anyone have a way to keep slugs off lettuce that does not involve pellets? The children play in that bed."), texts);
        Assert.Contains((BlockKind.Paragraph, "We use copper tape around the raised beds and it works well. The slugs will not cross it. It costs a little more than pellets but lasts for years."), texts);
        Assert.Contains((BlockKind.Paragraph, "Beer traps also work if you empty them every morning."), texts);
    }

    [Fact]
    public void The_archive_pager_is_not_text()
    {
        var review = ReviewPipeline.Process(Archive, new Uri("https://lists.example.org/pipermail/gardeners/000124.html"));

        Assert.DoesNotContain(review.Blocks, b => b.Text.Contains("message:", StringComparison.Ordinal));
        Assert.Contains(review.Blocks, b => b.Text.StartsWith("Beer traps", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Previous message: [gardeners] slugs on lettuce", true)]
    [InlineData("Next post \u00BB", true)]
    [InlineData("\u00AB Older entries", true)]
    [InlineData("Next episode: the lighthouse burns and nobody comes to help.", false)]
    [InlineData("Next, the older posts in this series are worth reading too.", false)]
    public void A_pager_line_is_interface(string text, bool pager)
    {
        Assert.Equal(pager, NeverLetMeGo.Core.Extraction.ArticleTop.IsInterfaceLine(new NeverLetMeGo.Core.Extraction.SourceBlock(BlockKind.ListItem, text)));
    }
}
