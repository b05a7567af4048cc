using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace NeverLetMeGo.Core.Extraction.Comments;

/// <summary>
/// How comment platforms mark up threads, items, authors, dates and bodies. The class names themselves are judged once in
/// <see cref="ClassHints"/>; these helpers combine those verdicts with element names and positions.
/// </summary>
internal static partial class CommentMarkup
{
    /// <summary>
    /// A comment container: WordPress li.comment, Blogger li.comment / .comment-block, Disqus li.post, ids like
    /// comment-1234, a bare dt under a thread container (<paramref name="underArea"/>: one above the node, not the node
    /// itself, since a story's list of counts names one of its terms "comments").
    /// </summary>
    public static bool IsItem(HtmlNode node, ClassVerdict verdict, bool inArea, bool inDisqus, bool underArea = false)
    {
        if (HtmlNames.Inline.Contains(node.Name))
        {
            return false;
        }

        // A definition list in a thread is its comments, each a term (the byline) and its definitions (the text), whatever
        // their classes (Movable Type's and old WordPress themes' dl of bare dt/dd pairs).
        return verdict.Has(ClassSignal.CommentItemId)
            || (inArea && verdict.Has(ClassSignal.CommentItem | ClassSignal.BloggerCommentId))
            || (underArea && node.Name == "dt")
            || (inDisqus && (verdict.Has(ClassSignal.DisqusPostId) || HasClass(node, "post")));
    }

    private static bool HasClass(HtmlNode node, string name) =>
        node.HasAttributes && node.Attributes["class"] is { } classes && NodeTraits.HasToken(NodeTraits.ValueOf(classes), name);

    /// <summary>
    /// Elements between two items that make the inner one a reply rather than a wrapper of the same comment; Reddit-like
    /// trees hold each comment's replies in a div.child.
    /// </summary>
    public static bool IsReplyContainer(HtmlNode node, ClassVerdict verdict) =>
        node.Name is "ol" or "ul" || verdict.Has(ClassSignal.ReplyContainer) || HasClass(node, "child");

    /// <summary>The comment's byline, date and actions: never part of its text.</summary>
    public static bool IsChrome(HtmlNode node, ClassVerdict verdict) =>
        node.Name is "time" or "footer" or "header" || verdict.Has(ClassSignal.CommentChrome);

    public static bool IsBody(HtmlNode node, ClassVerdict verdict) =>
        verdict.Has(ClassSignal.CommentBody)
        || (node.HasAttributes && string.Equals(node.GetAttributeValue("itemprop", null), "text", StringComparison.OrdinalIgnoreCase));

    public static bool IsAuthor(HtmlNode node, ClassVerdict verdict, bool strong) =>
        verdict.Has(strong ? ClassSignal.CommentFn : ClassSignal.CommentAuthor)
        || (node.HasAttributes && string.Equals(node.GetAttributeValue("itemprop", null), "author", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// WordPress links a commenter's name to their site as <c>&lt;a class="url" rel="external nofollow"&gt;</c> whatever the
    /// theme prints around it (themes that drop the <c>cite.fn</c> keep the link): the poster when nothing else names one.
    /// </summary>
    public static bool IsAuthorLink(HtmlNode node) =>
        node.Name == "a" && HasClass(node, "url") && node.Attributes["rel"] is { } rel
        && (NodeTraits.HasToken(NodeTraits.ValueOf(rel), "nofollow") || NodeTraits.HasToken(NodeTraits.ValueOf(rel), "external"));

    /// <summary>A line classed "by" ("by BW Smith on Aug 9, 2012 10:21 AM EDT"): read for its signature, kept as text.</summary>
    public static bool IsByLine(HtmlNode node) => HasClass(node, "by");

    public static bool IsDate(HtmlNode node, ClassVerdict verdict) =>
        node.Name == "time" || verdict.Has(ClassSignal.CommentDate);

    /// <summary>"John said...", "Jane says:", "by Jim" → the name alone.</summary>
    public static string? CleanAuthor(string? text)
    {
        var normalized = TextBuffer.Normalize(text);
        normalized = AuthorNoise().Replace(normalized, string.Empty).Trim(' ', ':', ',', '-', '\u2013', '\u2014');
        return normalized.Length is > 0 and <= 80 ? normalized : null;
    }

    /// <summary>
    /// A byline printed as one line, "1. William Kirk - August 8, 2012" or "dress11 July 25, 2012 2:14 AM EDT": the name,
    /// and the date when the rest of the line reads as one (a name of up to four words before it).
    /// </summary>
    public static (string? Name, DateTimeOffset? Date) SplitByline(string text)
    {
        var line = BylineLabel().Replace(TextBuffer.Normalize(text), string.Empty);
        var match = NumberedByline().Match(line);
        if (match.Success && Metadata.DateParser.Parse(match.Groups["date"].Value) is { } date)
        {
            return (CleanAuthor(match.Groups["name"].Value), date);
        }

        var at = 0;
        for (var words = 1; words <= 4 && at + 1 < line.Length && (at = line.IndexOf(' ', at + 1)) > 0; words++)
        {
            if (DateStart().IsMatch(line.AsSpan(at + 1)) && Metadata.DateParser.Parse(line[(at + 1)..]) is { } trailing)
            {
                return (CleanAuthor(line[..at]), trailing);
            }
        }

        return (CleanAuthor(line), null);
    }

    /// <summary>
    /// A line that is a printed date and nothing before it but "on" ("On September 4, 2012 at 10:43 am", "on October 23,
    /// 2012"): a sentence that mentions a date starts otherwise.
    /// </summary>
    public static DateTimeOffset? DateLine(string line)
    {
        var rest = DateLabel().Replace(line, string.Empty);
        return DateStart().IsMatch(rest) ? Metadata.DateParser.Parse(rest) : null;
    }

    [GeneratedRegex(@"^\s*(?:(?:posted|published|written)\s+)?on\s+", RegexOptions.IgnoreCase)]
    private static partial Regex DateLabel();

    [GeneratedRegex(@"^\s*(?:by|posted by|from)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex BylineLabel();

    // Where a printed date can start: a number, or a month's name.
    [GeneratedRegex(@"^(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", RegexOptions.IgnoreCase)]
    private static partial Regex DateStart();

    [GeneratedRegex(@"^(?:\d+[.)]\s*)?(?<name>.+?)\s+(?:[-\u2013\u2014|]|on|at)\s+(?<date>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberedByline();

    // Drupal marks an anonymous poster "(not verified)"; Slashdot follows the name with the user's number, "(2221646)";
    // Disqus's static markup prints the poster's site before the name ("http://tdhurst.com/ tdhurst").
    [GeneratedRegex(@"^\s*https?://\S+\s+|^\s*(?:by|posted by|from)\s+|\s+(?:says|said|wrote|writes)\s*(?:[:.]+|\.\.\.|\u2026)?\s*$|\s*(?:says|said)\s*:?\s*$|\s*\((?:not verified|\d+)\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorNoise();
}
