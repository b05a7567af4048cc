using HtmlAgilityPack;
using NeverLetMeGo.Core.Extraction.Metadata;

namespace NeverLetMeGo.Core.Extraction.Comments;

/// <summary>
/// A thread container whose comments carry no markup of their own: a hand-made site's <c>div#comments</c> of styled
/// divs, each a bold name, a date and the text. Its comments are the children that repeat, found by walking down the
/// wrappers that hold most of the thread's text.
/// </summary>
internal static class UnmarkedThread
{
    // Wrappers walked through before giving up: real threads sit two or three levels inside their container.
    private const int MaxWrappers = 6;

    // A comment says something of its own: text besides its links, more than "reply" or a date.
    private const int OwnText = 20;

    // The repeated children hold most of their parent's text; the rest is a heading, a count or a pager.
    private const double Share = 0.6;

    // Bylines are short: a name in bold or a printed date, not a sentence.
    private const int MaxBylineLength = 40;

    /// <summary>The comments of <paramref name="area"/> when none is marked as one; empty when no children repeat.</summary>
    public static List<HtmlNode> Items(HtmlNode area, ClassHintCache hints)
    {
        var node = area;
        for (var level = 0; level <= MaxWrappers; level++)
        {
            var children = new List<(HtmlNode Node, int Text, int Own)>();
            foreach (var child in node.ChildNodes)
            {
                if (child.NodeType == HtmlNodeType.Element && Renders(child, hints) && !HtmlNames.Inline.Contains(child.Name)
                    && Text(child, hints, inLink: false) is var (text, own) && text > 0)
                {
                    children.Add((child, text, own));
                }
            }

            var total = children.Sum(c => c.Text);
            if (total == 0)
            {
                return [];
            }

            // The most frequent element name among the children: a comment list repeats one. A reply form beside each
            // comment is no comment, shown or not; the wrappers above hold the forms too.
            var repeated = children.Where(c => !HasFormControls(c.Node)).GroupBy(c => c.Node.Name).MaxBy(g => g.Count())?.ToList() ?? [];
            // Most of them say something of their own and are signed: a name in bold or a date before the text (a list of
            // headlines, a form's notes or a feed of posts is not).
            if (repeated.Count >= 2 && repeated.Sum(c => c.Text) >= Share * total
                && repeated.Count(c => c.Own >= OwnText && Byline(c.Node) is not (null, null)) * 3 >= repeated.Count * 2)
            {
                return repeated.Select(c => c.Node).ToList();
            }

            // Down through the wrapper that holds most of the text; never into a form, whose notes repeat like remarks.
            var widest = children.MaxBy(c => c.Text);
            if (widest.Text < Share * total || widest.Node.Name == "form")
            {
                return [];
            }

            node = widest.Node;
        }

        return [];
    }

    /// <summary>
    /// The item's byline, read from its first few lines of text: a short name in bold as the first of them, and a line that
    /// is a printed date and nothing else.
    /// </summary>
    public static (string? Author, DateTimeOffset? Date) Byline(HtmlNode item)
    {
        var lines = FirstLines(item, BylineLines);
        string? author = null;
        DateTimeOffset? date = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var text = TextBuffer.Normalize(HtmlText.Raw(lines[i]).ToString());
            if (text.Length > MaxBylineLength)
            {
                continue;
            }

            if (i == 0 && lines[i].ParentNode is { Name: "b" or "strong" or "cite" } bold)
            {
                author = CommentMarkup.CleanAuthor(HtmlText.Of(bold));
            }
            else
            {
                date ??= DateParser.Parse(text);
            }
        }

        return (author, date);
    }

    // A byline is the name and the date: the first three lines of an item are enough to find both.
    private const int BylineLines = 3;

    /// <summary>The first <paramref name="count"/> lines of text under <paramref name="node"/>, in reading order.</summary>
    public static List<HtmlTextNode> FirstLines(HtmlNode node, int count)
    {
        var lines = new List<HtmlTextNode>(count);
        FirstLines(node, lines, count);
        return lines;
    }

    private static void FirstLines(HtmlNode node, List<HtmlTextNode> lines, int count)
    {
        foreach (var child in node.ChildNodes)
        {
            if (lines.Count == count)
            {
                return;
            }

            if (child is HtmlTextNode text && !HtmlText.Raw(text).IsWhiteSpace())
            {
                lines.Add(text);
            }
            else if (child.NodeType == HtmlNodeType.Element && !HtmlNames.Dropped.Contains(child.Name))
            {
                FirstLines(child, lines, count);
            }
        }
    }

    private static bool Renders(HtmlNode node, ClassHintCache hints) =>
        !HtmlNames.Dropped.Contains(node.Name) && !NodeTraits.IsHidden(NodeTraits.Verdict(node, hints));

    private static bool HasFormControls(HtmlNode node) =>
        node.Name == "form" || node.Descendants().Any(d => d.Name is "form" or "textarea" or "input");

    /// <summary>Rendered characters under <paramref name="node"/>, and those of them outside links.</summary>
    private static (int Text, int Own) Text(HtmlNode node, ClassHintCache hints, bool inLink)
    {
        var (text, own) = (0, 0);
        foreach (var child in node.ChildNodes)
        {
            if (child.NodeType == HtmlNodeType.Text)
            {
                var length = HtmlText.Raw((HtmlTextNode)child).Trim().Length;
                text += length;
                own += inLink ? 0 : length;
            }
            else if (child.NodeType == HtmlNodeType.Element && Renders(child, hints))
            {
                var (t, o) = Text(child, hints, inLink || child.Name == "a");
                text += t;
                own += o;
            }
        }

        return (text, own);
    }
}
