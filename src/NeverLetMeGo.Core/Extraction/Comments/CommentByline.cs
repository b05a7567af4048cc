using System.Text.RegularExpressions;
using HtmlAgilityPack;
using NeverLetMeGo.Core.Extraction.Metadata;

namespace NeverLetMeGo.Core.Extraction.Comments;

/// <summary>
/// Where a comment's poster and date come from when no element names them, most trusted first: the poster's site link,
/// an unclassed cite, the rest of the date's own line, a signature line, a line classed "by", a line that is a date.
/// Each fills only what is still missing (bench/README.md, Extraction, "who wrote each comment").
/// </summary>
internal static partial class CommentByline
{
    /// <summary>A byline is a line: a name and a date, 80 characters at most; an element holding more holds the text too.</summary>
    public const int MaxBylineLength = 80;

    // The byline sits in a comment's first lines: its name, the date, a "says:".
    private const int BylineLines = 4;

    /// <summary>What the walk over one comment found besides its byline elements.</summary>
    /// <param name="Item">The comment's element.</param>
    /// <param name="AuthorLink">WordPress's link to the poster's site (<see cref="CommentMarkup.IsAuthorLink"/>).</param>
    /// <param name="Cite">An unclassed cite before the comment's text.</param>
    /// <param name="Dates">Its date elements.</param>
    /// <param name="Chrome">Its chrome and lines classed "by".</param>
    /// <param name="IsReply">Whether an element is another comment (a reply inside this one), whose lines are its own.</param>
    /// <param name="Posted">When the article was published: the year of a comment date printed without one.</param>
    internal readonly record struct Clues(
        HtmlNode Item, HtmlNode? AuthorLink, HtmlNode? Cite, List<HtmlNode> Dates, List<HtmlNode> Chrome, Func<HtmlNode, bool> IsReply, DateTimeOffset? Posted);

    public static (string? Name, DateTimeOffset? Date) Complete(string? name, DateTimeOffset? date, Clues clues, ClassHintCache hints)
    {
        // The poster's link is no byline element, read after them: a body that holds it stays the body (themes print it
        // in the comment's text box), and a one-line byline around it still gives its date.
        name ??= clues.AuthorLink is null ? null : CommentMarkup.CleanAuthor(HtmlText.Of(clues.AuthorLink));
        // An unclassed <cite> before the comment's text is its poster, as WordPress's old themes and Disqus's static
        // markup print it ("<cite>Alayna F</cite> says:"); one in the text cites a book.
        if (name is null && clues.Cite is not null)
        {
            (name, var citeDate) = CommentMarkup.SplitByline(HtmlText.Of(clues.Cite));
            date ??= citeDate;
        }

        name ??= NameBesideDate(clues.Dates, clues.Item);
        if ((name is null || date is null)
            && (Signature(clues.Chrome) ?? HeadedThread.FooterAfter(clues.Item, hints) ?? SignedLine(clues.Item, clues.IsReply, hints)) is { } signed)
        {
            // Drupal prints the byline as one line of chrome: "Submitted by Tom (not verified) on Tue, 2011-03-15 08:01.";
            // Movable Type as a line after the comment: "Posted by: Ellen at September 10, 2012 11:40 AM"; other themes as
            // a line of the comment under a class of their own (p.citation).
            name ??= signed.Author;
            date ??= signed.Date;
        }

        name ??= ByName(clues.Chrome);
        if (date is null)
        {
            // A date as a line of its own among the first lines, then one printed without its year; the lines read once.
            var lines = FirstLines(clues.Item);
            date = LeadingDate(lines) ?? (clues.Posted is { } posted ? YearlessDate(clues.Dates, lines, posted) : null);
        }

        return (name, date);
    }

    /// <summary>A cite in a paragraph or a quotation names a work, not the poster.</summary>
    public static bool InProse(HtmlNode node, HtmlNode item)
    {
        for (var current = node.ParentNode; current is not null && current != item; current = current.ParentNode)
        {
            if (current.Name is "p" or "blockquote" or "q")
            {
                return true;
            }
        }

        return false;
    }

    private static (string? Author, DateTimeOffset? Date)? Signature(List<HtmlNode> chrome)
    {
        foreach (var node in chrome)
        {
            // Exceeds counts markup too (elements, indentation): a cheap bound before the text is built.
            if (HtmlText.Exceeds(node, HeadedThread.FooterMarkupBound))
            {
                continue;
            }

            // Every signature says "by": most chrome (avatars, reply links, counts) is passed over without a match.
            var text = HtmlText.Of(node);
            if (text.Length <= HeadedThread.MaxFooterLength && text.Contains("by", StringComparison.OrdinalIgnoreCase) && Signature(text) is { } signed)
            {
                return signed;
            }
        }

        return null;
    }

    /// <summary>
    /// The comment's own closing line when it reads "Posted by tj on November 5, 2012 at 7:56 am": the last element with
    /// text of the item, or of the wrapper inside it (replies and their boxes passed over).
    /// </summary>
    private static (string? Author, DateTimeOffset? Date)? SignedLine(HtmlNode item, Func<HtmlNode, bool> isReply, ClassHintCache hints)
    {
        var node = item;
        for (var depth = 0; depth < SignatureDepth && LastLine(node, isReply) is { } last; depth++)
        {
            if (HeadedThread.SignedBy(last, hints) is { } signed)
            {
                return signed;
            }

            node = last;
        }

        return null;
    }

    // The item, and the wrapper a theme puts inside it.
    private const int SignatureDepth = 2;

    private static HtmlNode? LastLine(HtmlNode node, Func<HtmlNode, bool> isReply)
    {
        for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
        {
            if (child.NodeType == HtmlNodeType.Element && !HtmlNames.Dropped.Contains(child.Name) && !isReply(child)
                && child.Name is not ("ul" or "ol") && HasText(child))
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>
    /// The date's own line is the byline when the rest of it is a name: "Holly — June 25th, 2012, 12:21 am". The line is
    /// one of phrasing only (a box that also holds the comment's text is no byline) and short.
    /// </summary>
    private static string? NameBesideDate(List<HtmlNode> dates, HtmlNode item)
    {
        foreach (var date in dates)
        {
            if (date.ParentNode is { } line && line != item && HtmlNames.Inline.Contains(date.Name)
                && line.Descendants().All(d => d.NodeType != HtmlNodeType.Element || HtmlNames.Inline.Contains(d.Name))
                && HtmlText.Of(line) is { Length: <= MaxBylineLength } text && CommentMarkup.SplitByline(text) is (var name, not null))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// A date element's text, or a line among the comment's first, printed without a year ("On Friday, November 2 at 12:14
    /// pm"): the first such day on or after the article's date.
    /// </summary>
    private static DateTimeOffset? YearlessDate(List<HtmlNode> dates, List<string> lines, DateTimeOffset posted)
    {
        foreach (var node in dates)
        {
            if (!HtmlText.Exceeds(node, HeadedThread.FooterMarkupBound) && DateParser.ParseWithoutYear(HtmlText.Of(node), posted) is { } date)
            {
                return date;
            }
        }

        foreach (var line in lines)
        {
            if (DateParser.ParseWithoutYear(line, posted) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>A date printed as a line of its own among the comment's first lines: "On September 4, 2012 at 10:43 am".</summary>
    private static DateTimeOffset? LeadingDate(List<string> lines)
    {
        foreach (var line in lines)
        {
            if (line.Length <= MaxBylineLength && CommentMarkup.DateLine(line) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    // The comment's first lines of text, whitespace-normalised.
    private static List<string> FirstLines(HtmlNode item) =>
        UnmarkedThread.FirstLines(item, BylineLines).ConvertAll(line => TextBuffer.Normalize(HtmlText.Raw(line).ToString()));

    // Whether any text shows under the node, without building it (the last element of a comment is often its whole body).
    private static bool HasText(HtmlNode node)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is HtmlTextNode text ? !HtmlText.Raw(text).IsWhiteSpace()
                : child.NodeType == HtmlNodeType.Element && !HtmlNames.Dropped.Contains(child.Name) && HasText(child))
            {
                return true;
            }
        }

        return false;
    }

    private static string? ByName(List<HtmlNode> chrome)
    {
        foreach (var node in chrome)
        {
            if (CommentMarkup.IsByLine(node) && NameOnly().Match(HtmlText.Of(node)) is { Success: true } match
                && CommentMarkup.CleanAuthor(match.Groups["name"].Value) is { } name)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// <see cref="HeadedThread.Poster"/>, or a bare "by Ann on Aug 9, 2012 10:21 AM" where the line is already known as the
    /// comment's byline (its chrome, or classed "by"); the date must read as one, so "by the way on …" is no signature.
    /// </summary>
    private static (string? Author, DateTimeOffset? Date)? Signature(string line) =>
        HeadedThread.Poster(line)
        ?? (BareBy().Match(line) is { Success: true } match && DateParser.Parse(match.Groups["date"].Value) is { } date
            ? (CommentMarkup.CleanAuthor(match.Groups["name"].Value), date)
            : null);

    [GeneratedRegex(@"^\s*by:?\s+(?<name>.+?)\s+(?:on|at)\s+(?<date>.+?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex BareBy();

    // The name alone of a line classed "by" that holds nothing else ("by kermidge (2221646)"): at most four words after
    // "by", a name, not a sentence.
    [GeneratedRegex(@"^\s*by:?\s+(?<name>\S+(?:\s+\S+){0,3})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex NameOnly();
}
