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
}
