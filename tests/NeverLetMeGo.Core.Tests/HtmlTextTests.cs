using HtmlAgilityPack;
using NeverLetMeGo.Core.Extraction;

namespace NeverLetMeGo.Core.Tests;

public sealed class HtmlTextTests
{
    private static HtmlNode Body(string html)
    {
        var document = new HtmlDocument();
        document.LoadHtml($"<html><body>{html}</body></html>");
        return document.DocumentNode.SelectSingleNode("//body")!;
    }

    [Theory]
    [InlineData("<p>Rating: 4/5</p>", 100, false)]
    [InlineData("<p>Rating: 4/5</p>", 10, true)]
    // Elements count as well as text: a deep chain of empty elements is big though it says nothing.
    [InlineData("<div><div><div><div><div><div><div><div><div><div><div><div><div></div></div></div></div></div></div></div></div></div></div></div></div></div>", 100, true)]
    public void Exceeds_compares_text_and_elements_with_the_limit(string html, int limit, bool expected)
    {
        Assert.Equal(expected, HtmlText.Exceeds(Body(html), limit));
    }

    // Raw measures a text node by its parsed length (OriginalOuterLength) so as not to build its text: the two must agree
    // whatever the text holds, or an upgrade of HtmlAgilityPack has changed what that length means.
    [Theory]
    [InlineData("<p>Plain words <b>bold</b> tail</p>")]
    [InlineData("<p>Caf&eacute; &amp; cr\u00e8me &#8212; &nbsp; done</p>")]
    [InlineData("<div>  spaced\n\tlines  <br>after<!-- comment -->end</div>")]
    [InlineData("<ul><li>one<li>two</ul><p>unclosed <i>italic</p>")]
    public void Raw_is_each_text_node_as_the_source_spells_it(string html)
    {
        var texts = Body(html).Descendants().OfType<HtmlTextNode>().ToList();
        Assert.NotEmpty(texts);
        foreach (var text in texts)
        {
            Assert.Equal(text.Text, HtmlText.Raw(text).ToString());
        }
    }
}
