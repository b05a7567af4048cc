using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace NeverLetMeGo.Core.Extraction;

internal sealed partial class BlockEmitter
{
    /// <summary>Leftovers inside the chosen container: boilerplate by class, and link lists (tags, "related" lists, pagers).</summary>
    private bool IsClutter(HtmlNode element, string name, ClassVerdict verdict)
    {
        if (KeepClutter)
        {
            return false;
        }

        if (!CommentMode && verdict.Has(ClassSignal.CommentRelated))
        {
            return true;
        }

        if (verdict.Has(ClassSignal.Boilerplate) && !HtmlNames.IsHeading(name) && (CommentMode || !NodeTraits.InRunningText(element, name)))
        {
            return true;
        }

        // The contact line of the page or the article ("Page maintained by the parish council"), not its text.
        if (name == "address" && !CommentMode)
        {
            return true;
        }

        if (name == "p" && !CommentMode && IsLinkBar(element))
        {
            return true;
        }

        if (stats is null || name is not ("ul" or "ol" or "dl" or "table" or "td" or "div" or "section" or "nav") || !stats.TryGetValue(element, out var s)
            || s.TextLength == 0 || s.LinkDensity <= 0.5 || verdict.Has(ClassSignal.ContentHint | ClassSignal.ArticleBody))
        {
            return false;
        }

        // A table cell of a layout table that holds the site's menu (links one per line beside the text's cell) is
        // navigation; a data table's cell that is one link (a name, a place in an infobox) is content.
        if (name == "td" && !HasLinks(element, MinMenuLinks))
        {
            return false;
        }

        // A short list of links right in the text ("Further reading: X, Y") is the author's; longer ones are navigation.
        var items = name is "ul" or "ol" ? element.ChildNodes.Count(c => c.Name == "li") : s.Paragraphs;
        if (name is "ul" or "ol" && items <= 2)
        {
            return false;
        }

        // Sentences that carry links ("We released the <a>SDK for PHP</a>, with …") keep words of their own between the
        // links; menus, tag clouds and lists of post titles have next to none.
        return s.LinkDensity >= 0.8 || s.TextLength - s.LinkLength < ProseCharsPerItem * Math.Max(1, items);
    }

    private const int ProseCharsPerItem = 15;

    private const int MinMenuLinks = 4;

    // Two or more short steps joined by arrows, the last one the page itself: "Home > Docs > README", "Films » Reviews".
    [GeneratedRegex(@"^[^<>»›→.!?]{1,40}(?:\s[>»›→]\s[^<>»›→.!?]{1,60}){1,6}$")]
    private static partial Regex Breadcrumb();

    // The arrows and guillemets of a pager's links; a line of bare links holding one points to the next or previous page.
    [GeneratedRegex(@"[«»‹›←→⇐⇒]")]
    private static partial Regex Pager();

    /// <summary>
    /// A paragraph that is nothing but two or more links between separators ("« Fairy Wren Passwords | Main",
    /// "Previous · Next"): a pager or link bar set as a paragraph of its own. A word outside the links ("See also X and
    /// Y", "Tags: A, B") makes it the author's. Menu bars of three links or more are caught wherever they stand
    /// (<see cref="Flush"/>); two links alone are navigation only when the page made them a paragraph.
    /// </summary>
    private static bool IsLinkBar(HtmlNode paragraph)
    {
        var links = 0;
        return OnlyLinkWords(paragraph, paragraph.Ancestors("a").Any(), ref links) && links >= 2;
    }

    // One walk down the paragraph, knowing whether it is inside a link, instead of asking each text node for its ancestors:
    // false at the first word outside a link; counts the links that hold text.
    private static bool OnlyLinkWords(HtmlNode node, bool inLink, ref int links)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child.NodeType == HtmlNodeType.Text)
            {
                if (!inLink && HasWordCharacter(child.InnerText))
                {
                    return false;
                }
            }
            else if (child.NodeType == HtmlNodeType.Element)
            {
                var isLink = child.Name == "a";
                if (isLink && !string.IsNullOrWhiteSpace(child.InnerText))
                {
                    links++;
                }

                if (!OnlyLinkWords(child, inLink || isLink, ref links))
                {
                    return false;
                }
            }
        }

        return true;
    }

    // Links with words: an image's link beside a name (a gallery cell, an infobox's map) is no menu entry.
    private static bool HasLinks(HtmlNode element, int count)
    {
        foreach (var link in element.Descendants("a"))
        {
            if (!string.IsNullOrWhiteSpace(link.InnerText) && --count == 0)
                return true;
        }

        return false;
    }
}
