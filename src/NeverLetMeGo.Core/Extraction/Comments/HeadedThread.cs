using System.Text.RegularExpressions;
using HtmlAgilityPack;
using NeverLetMeGo.Core.Extraction.Metadata;

namespace NeverLetMeGo.Core.Extraction.Comments;

/// <summary>
/// Threads that start with a heading ("Comments", "12 Responses to …", "3 thoughts on …") and run on as the heading's
/// siblings, as Movable Type and TypePad print them: everything after the heading is comment material. Without item
/// elements, the run is cut into comments at comment anchors (&lt;a id="c123"&gt;) and after footers ("Posted by: Ann | date").
/// </summary>
internal static partial class HeadedThread
{
    private const int MaxHeadingLength = 120;
    /// <summary>A signature line is short: a name and a date, 200 characters at most.</summary>
    public const int MaxFooterLength = 200;

    /// <summary>Bound on an element's markup before its text is built to look for a signature (markup counts elements too).</summary>
    public const int FooterMarkupBound = 4 * MaxFooterLength;
    private const int MaxChromeLength = 80;

    /// <summary>A heading that opens a comment thread, by its id (or an anchor's inside it) or by its words.</summary>
    public static bool IsThreadHeading(HtmlNode heading, ClassVerdict verdict, ClassHintCache hints)
    {
        if (verdict.Has(ClassSignal.CommentArea))
        {
            return true;
        }

        foreach (var child in heading.ChildNodes)
        {
            if (child.Name == "a" && NodeTraits.Verdict(child, hints).Has(ClassSignal.CommentArea))
            {
                return true;
            }
        }

        return NamesThread(HtmlText.Of(heading));
    }

    private static bool NamesThread(string text) =>
        text.Length <= MaxHeadingLength && (ThreadHeading().IsMatch(text) || ForeignThreadHeading().IsMatch(text));

    /// <summary>
    /// A block that is the thread's heading by its class or id though no heading element (Movable Type's default
    /// <c>div.comments-head</c>); its words must still name a thread (<see cref="IsThreadHeading"/>).
    /// </summary>
    public static bool IsHeadingByName(HtmlNode node) =>
        node.Name is "div" or "p" && node.HasAttributes
        && (HeadingName().IsMatch(NodeTraits.Classes(node)) || HeadingName().IsMatch(NodeTraits.Id(node)));

    /// <summary>
    /// A thread container that holds a heading element and nothing else ("Comments", "9 Responses"): a box around the
    /// thread's heading. A count beside a story in a list ("309 Comments") or a form's "Add comment" is no heading element.
    /// </summary>
    public static bool IsHeadingBox(HtmlNode area)
    {
        var text = HtmlText.Of(area);
        return text.Length > 0 && NamesThread(text)
            && area.Descendants().Any(d => HtmlNames.IsHeading(d.Name) && HtmlText.Of(d).Length == text.Length);
    }

    /// <summary>The heading's following element siblings, up to one that holds the article (never swallowed).</summary>
    public static List<HtmlNode> Run(HtmlNode heading, Func<HtmlNode, bool> holdsArticle)
    {
        var run = new List<HtmlNode>();
        for (var next = heading.NextSibling; next is not null; next = next.NextSibling)
        {
            if (next.NodeType != HtmlNodeType.Element || HtmlNames.Dropped.Contains(next.Name))
            {
                continue;
            }

            if (holdsArticle(next))
            {
                break;
            }

            run.Add(next);
        }

        return run;
    }

    /// <summary>
    /// Cuts a run without comment elements into comments; each is its nodes plus the footer's author and date, and the
    /// footers inside its nodes (left out of its text). A run element that ends with its own "Posted by: Ann at …"
    /// footer (a div per comment) is one comment.
    /// </summary>
    public static List<(List<HtmlNode> Nodes, string? Author, DateTimeOffset? Date, HashSet<HtmlNode> Footers)> Split(List<HtmlNode> run, ClassHintCache hints)
    {
        var comments = new List<(List<HtmlNode>, string?, DateTimeOffset?, HashSet<HtmlNode>)>();
        var group = new List<HtmlNode>();
        var inner = new HashSet<HtmlNode>(NodeIdentity.Instance);
        foreach (var node in run)
        {
            if (HtmlNames.IsHeading(node.Name) || node.Name == "form")
            {
                // "Post a comment" and its form: the thread is over.
                break;
            }

            var verdict = NodeTraits.Verdict(node, hints);
            if (node.Name == "a" && verdict.Has(ClassSignal.CommentItemId | ClassSignal.BloggerCommentId))
            {
                Close(null);
                continue;
            }

            var footer = Footer(node, verdict);
            if (footer is not null)
            {
                Close(Poster(footer));
                continue;
            }

            var own = OwnFooter(node, hints);
            if (own is null && verdict.Has(ClassSignal.CommentRelated) && HtmlText.Of(node).Length <= MaxChromeLength)
            {
                // The thread's own chrome: "The comments to this entry are closed.", "Add comment". A short comment
                // signed by its own footer ("RIP" and "Posted by: Drew at …") is no chrome.
                continue;
            }

            group.Add(node);
            if (own is not null)
            {
                inner.Add(own.Value.Node);
                Close(own.Value.Poster);
            }
        }

        Close(null);
        return comments;

        void Close((string? Author, DateTimeOffset? Date)? footer)
        {
            if (group.Count > 0)
            {
                comments.Add((group, footer?.Author, footer?.Date, inner));
                group = [];
                inner = new HashSet<HtmlNode>(NodeIdentity.Instance);
            }
        }
    }

    /// <summary>The poster and date of a signature line ("Posted by: Ann at …", "Submitted by Tom on …"); null when it is none.</summary>
    public static (string? Author, DateTimeOffset? Date)? Poster(string footer) =>
        PostedBy().Match(footer) is { Success: true } match
            ? (CommentMarkup.CleanAuthor(match.Groups["name"].Value), DateParser.Parse(match.Groups["date"].Value))
            : null;

    /// <summary>The signature line right after a comment item: Movable Type prints "Posted by: Ellen at …" after each div#c123.</summary>
    public static (string? Author, DateTimeOffset? Date)? FooterAfter(HtmlNode item, ClassHintCache hints)
    {
        var next = item.NextSibling;
        while (next is not null && next.NodeType != HtmlNodeType.Element)
        {
            next = next.NextSibling;
        }

        return next is null ? null : SignedBy(next, hints);
    }

    /// <summary>
    /// The poster and date of <paramref name="node"/> when it is a footer line that reads as a signature ("Posted by: Ann at
    /// …"); the markup is bounded before its text is built, so a whole comment costs nothing here.
    /// </summary>
    public static (string? Author, DateTimeOffset? Date)? SignedBy(HtmlNode node, ClassHintCache hints) =>
        !HtmlText.Exceeds(node, FooterMarkupBound) && Footer(node, NodeTraits.Verdict(node, hints)) is { } text ? Poster(text) : null;

    /// <summary>The "Posted by" footer that ends <paramref name="node"/> (its last child element with text; a rule may follow) and its poster.</summary>
    private static (HtmlNode Node, (string? Author, DateTimeOffset? Date) Poster)? OwnFooter(HtmlNode node, ClassHintCache hints)
    {
        var last = node.ChildNodes.LastOrDefault(c => c.NodeType == HtmlNodeType.Element && HtmlText.Of(c).Length > 0);
        return last is not null && Footer(last, NodeTraits.Verdict(last, hints)) is { } text && Poster(text) is { } poster ? (last, poster) : null;
    }

    private static string? Footer(HtmlNode node, ClassVerdict verdict)
    {
        if (node.Name is not ("p" or "div" or "span" or "footer"))
        {
            return null;
        }

        var classes = NodeTraits.Classes(node);
        var marked = verdict.Has(ClassSignal.CommentChrome | ClassSignal.CommentDate)
            || classes.Contains("posted", StringComparison.OrdinalIgnoreCase);
        var text = HtmlText.Of(node);
        return text.Length <= MaxFooterLength && (marked || PostedBy().IsMatch(text)) ? text : null;
    }

    // "Thoughts on Carol" and "Response to Hurricane Sandy" are post titles; "3 thoughts on …" and "One Response to …"
    // are thread headings: the phrase that names something needs its count. So does a bare singular "Comment" or
    // "Response": a thread is headed "Comments" or "1 Response", while "Response" alone heads an article's own section
    // (a web API's "Request" and "Response", a reply to critics).
    [GeneratedRegex(@"^(?:(?:\d+\s+)?(?:comments|responses|replies|reactions|discussion|reader\s+comments|(?:leave|post|add|write)\s+an?\s+(?:comment|reply|response))|\d+\s+(?:comment|response))\s*:?$|^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:thoughts?|comments?|responses?|replies|reply)\s+(?:to|on|for)\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex ThreadHeading();

    // The same headings on French, Spanish, Portuguese, Italian and German sites ("3 commentaires", "Deja un comentario",
    // "Schreibe einen Kommentar", WordPress's "2 réflexions sur « … »"). A singular or a reply word only with its count,
    // and a count in words only before the quoted post title: "Commentaire" heads a critic's own section, "Réponses" a
    // quiz's, "Une réflexion sur le deuil" is a post's title.
    [GeneratedRegex("""
        ^(?:
            (?:\d+\s+)?(?:commentaires|comentarios|coment[aá]rios|commenti|kommentare)
          | (?:\d+|un|une|uno|una|um|uma|ein|eine)\s+(?:commentaire|comentario|coment[aá]rio|commento|kommentar)
          | \d+\s+(?:r[ée]ponses?|respuestas?|respostas?|risposte|antworten)
          | (?:laisser|laissez|[ée]crire|ajouter|poster)\s+(?:un|une)\s+(?:commentaire|r[ée]ponse)
          | (?:deja|dejar|deje|escribe|a[nñ]ade)\s+(?:un|una)\s+(?:comentario|respuesta)
          | (?:deixe|deixar|escreva|adicione)\s+(?:um|uma)\s+(?:coment[aá]rio|resposta)
          | (?:lascia|lasciare|scrivi|aggiungi)\s+(?:un|una)\s+(?:commento|risposta)
          | (?:schreibe|schreib|hinterlasse|schreiben\s+sie|hinterlassen\s+sie)\s+(?:einen|eine)\s+(?:kommentar|antwort)
          | kommentar\s+(?:schreiben|hinterlassen|verfassen)
        )\s*:?$
        | ^(?:\d+|(?<word>un|une|uno|una|um|uma|ein|eine))\s+
          (?:r[ée]flexions?|pensamientos?|pensamentos?|pensieri|pensiero|gedanken?|commentaires?|comentarios?|coment[aá]rios?
            |commenti|commento|kommentare?|r[ée]ponses?|respuestas?|respostas?|risposte|risposta|antworten?)
          \s+(?:sur|à|au|pour|en|sobre|para|a|su|per|zu|auf|über|zum|zur)
          (?(word)\s+[«"“„‘']|\b).*$
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex ForeignThreadHeading();

    // One token of a class or id list: "comments-head", "comment_title", "commentsheader".
    [GeneratedRegex(@"(?:^|\s)comments?[-_]?(?:head|header|heading|title)(?:\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingName();

    // "Posted by: Ann at …", also after the comment's number ("Comment #1 - Posted by: …"); Drupal's "Submitted by Tom on …".
    [GeneratedRegex(@"^\s*(?:comment\s*#?\s*\d+\s*[-\u2013\u2014:|]\s*)?(?:posted|submitted)\s+by:?\s*(?<name>.+?)\s*(?:\||\bat\b|\bon\b|\u2014|\u2013)\s*(?<date>.+?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PostedBy();
}
