using System.Buffers;
using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace NeverLetMeGo.Core.Extraction.Comments;

/// <summary>How forum engines mark up posts, posters, post text and quotes (read by <see cref="ForumThread"/>).</summary>
internal static partial class ForumMarkup
{
    /// <summary>The class token that marks a post, or null; asked of every element outside comments, so cheap first.</summary>
    internal static string? PostToken(HtmlNode node)
    {
        if (!node.HasAttributes || HtmlNames.Inline.Contains(node.Name))
        {
            return null;
        }

        if (MayNamePost(node.Attributes["class"]))
        {
            var classes = NodeTraits.Classes(node);
            foreach (var range in classes.AsSpan().SplitAny(" \t\r\n\f"))
            {
                var token = classes.AsSpan()[range];
                if (PostClass().IsMatch(token))
                {
                    return token.ToString().ToLowerInvariant();
                }
            }
        }

        if (node.Attributes.Contains("data-post-id"))
        {
            return "data-post-id";
        }

        // A list item or article of a list whose items share their classes, whatever the site named them (Letterboxd's
        // li.film-detail): a list of posts when each names its poster and none is a teaser, as ForumThread judges.
        return node.Name is "li" or "article" && node.Attributes["class"] is { } listed && !NodeTraits.ValueOf(listed).IsWhiteSpace()
            ? string.Concat(node.Name, ".", listed.Value)
            : null;
    }

    // Every name PostClass takes holds one of these words. Most elements' classes hold none, and are passed over as
    // the page's source spells them, without the value's string (made on first read) or a regex per name; a value with
    // an entity in it is decoded and read in full.
    private static readonly SearchValues<string> PostWords =
        SearchValues.Create(["post", "message", "question", "answer", "reply", "review", "&"], StringComparison.OrdinalIgnoreCase);

    private static bool MayNamePost(HtmlAttribute? classes) =>
        classes is not null && NodeTraits.SourceValue(classes).ContainsAny(PostWords);

    // schema.org marks a comment's or answer's text itemprop=text, and a review's itemprop=reviewBody.
    internal static bool IsBody(HtmlNode node) =>
        node.HasAttributes
        && (BodyClass().IsMatch(NodeTraits.Classes(node)) || BodyId().IsMatch(NodeTraits.Id(node))
            || node.GetAttributeValue("itemprop", null) is { } itemprop
               && (itemprop.Equals("text", StringComparison.OrdinalIgnoreCase) || itemprop.Equals("reviewBody", StringComparison.OrdinalIgnoreCase)));

    internal static bool IsAuthor(HtmlNode node)
    {
        if (!node.HasAttributes)
        {
            return false;
        }

        return AuthorClass().IsMatch(NodeTraits.Classes(node))
            || string.Equals(node.GetAttributeValue("itemprop", null), "author", StringComparison.OrdinalIgnoreCase)
            || (node.Name == "a" && ProfileLink().IsMatch(node.GetAttributeValue("href", string.Empty)));
    }

    /// <summary>Quotes of other posts drawn with classes (vBulletin's bbcode_quote, Discourse's aside.quote) read as quotes.</summary>
    internal static void MarkQuotes(HtmlNode body)
    {
        foreach (var node in HtmlText.Elements(body).Where(n => n.HasAttributes && QuoteClass().IsMatch(NodeTraits.Classes(n))).ToList())
        {
            if (node.Name == "blockquote" || InQuote(node, body))
            {
                continue;
            }

            // An aside would be dropped as furniture; one that holds its own blockquote only needs to stay.
            node.Name = node.Descendants("blockquote").Any() ? "div" : "blockquote";
        }
    }

    private static bool InQuote(HtmlNode node, HtmlNode body)
    {
        for (var up = node.ParentNode; up is not null && up != body; up = up.ParentNode)
        {
            if (up.Name == "blockquote")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The post's own id, or that of the element inside that carries its number (Discourse's article#post_2).</summary>
    internal static string? IdOf(HtmlNode post) =>
        NodeTraits.Id(post) is { Length: > 0 } id ? id
        : post.Descendants().FirstOrDefault(d => d.HasAttributes && d.Attributes.Contains("data-post-id") && NodeTraits.Id(d).Length > 0) is { } inner ? NodeTraits.Id(inner)
        : null;

    /// <summary>The id a "reply to" link inside <paramref name="reply"/> points at ("#post_2"), if any.</summary>
    internal static string? ReplyToId(HtmlNode reply)
    {
        foreach (var link in reply.Descendants("a"))
        {
            var href = link.GetAttributeValue("href", string.Empty);
            if (href.StartsWith('#') && href.Length > 1
                && (ReplyToClass().IsMatch(NodeTraits.Classes(link)) || (link.ParentNode is { } around && ReplyToText().IsMatch(HtmlText.Of(around)))))
            {
                return href[1..];
            }
        }

        return null;
    }

    /// <summary>The name a reply opens with ("@benthic yes, …"), if any.</summary>
    internal static string? MentionAtStart(string text) => Mention().Match(text) is { Success: true } match ? match.Groups["name"].Value : null;

    internal static bool IsDate(HtmlNode node) => node.HasAttributes && DateClass().IsMatch(NodeTraits.Classes(node));

    /// <summary>A teaser's link to the whole post: "Read more", "Continue reading", "more »".</summary>
    internal static bool IsReadMore(HtmlNode link) =>
        ReadMore().IsMatch(HtmlText.Of(link)) || (link.HasAttributes && MoreLinkClass().IsMatch(NodeTraits.Classes(link)));

    /// <summary>A token made of a list item's (or article's) shared classes, not of a name that says "post".</summary>
    internal static bool IsListItemToken(string token) =>
        token.StartsWith("li.", StringComparison.Ordinal) || token.StartsWith("article.", StringComparison.Ordinal);

    /// <summary>A post token of a film database's list of user reviews (IMDb's review-container), each under its own title.</summary>
    internal static bool IsUserReview(string token) => token.Contains("review", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(?:post|posts?[-_]?container|postbit(?:legacy)?|topic[-_]post|forum[-_]post|thread[-_]post|message|question|answer|reply|review[-_]?(?:container|item|card|entry)|user[-_]?review|imdb[-_]user[-_]review)$", RegexOptions.IgnoreCase)]
    private static partial Regex PostClass();

    [GeneratedRegex(@"(?:^|\s)(?:content|body|text|cooked|postcontent|reply[-_](?:content|body|text)|post[-_](?:content|body|text|message|entry)|posttext|postmessage|message(?:[-_]?(?:body|content|text))?|messagetext|js-post-body|bbwrapper|entry-content)(?:\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex BodyClass();

    [GeneratedRegex(@"^(?:post[-_]?message[-_]?\d+|message[-_]?\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex BodyId();

    [GeneratedRegex(@"(?:^|\s)(?:author|username(?:[-_]\w+)?|user[-_]?name|user|poster|post[-_]?author|postprofile|user[-_]?details|user[-_]?info|userinfo|author[-_]name|names|member[-_]?name|nickname|message[-_]?(?:name|user)|owner)(?:\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorClass();

    [GeneratedRegex(@"(?:^|/)(?:u|users?|members?|profiles?|people)/[\w%.\-]|viewprofile|showuser=|member\.php", RegexOptions.IgnoreCase)]
    private static partial Regex ProfileLink();

    [GeneratedRegex(@"(?:^|\s)(?:date|time|postdate|post[-_]date|post[-_]time|review[-_]date|relative[-_]?date|relativetime|timestamp|datetime|published|dateline|message-date)(?:\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex DateClass();

    [GeneratedRegex(@"(?:^|\s)(?:quote|bbcode[-_]quote|quotecontent|quote[-_]content|bbcodeblock--quote)(?:\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex QuoteClass();

    [GeneratedRegex(@"^\s*(?:read|continue|view|see)\s+(?:more|the\s+rest|full\s+\w+|reading|post|article)|^\s*more\s*(?:\u00BB|\u203A|\u2192|>|\.\.\.|\u2026)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ReadMore();

    [GeneratedRegex(@"(?:^|\s)(?:more[-_]?link|read[-_]?more|continue[-_]?reading)(?:\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex MoreLinkClass();

    [GeneratedRegex(@"(?:^|\s)(?:reply[-_]to(?:[-_]tab)?|in[-_]reply[-_]to)(?:\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyToClass();

    [GeneratedRegex(@"^\s*(?:in\s+)?reply\s+to\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyToText();

    [GeneratedRegex(@"^@(?<name>[\w.\-]{2,40})\b")]
    private static partial Regex Mention();
}
