using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace NeverLetMeGo.Core.Extraction;

/// <summary>Exact class names and id patterns that give an element a role for metadata and comment extraction.</summary>
internal static partial class ClassHints
{
    private static readonly FrozenSet<string> HeadlineNames = Set(
        "entry-title", "post-title", "article-title", "entry_title", "post_title", "headline", "story-title", "hub-title", "article-headline");

    private static readonly FrozenSet<string> BylineNames = Set(
        "byline", "author-name", "post-author-name", "entry-author-name", "article-author", "by-author", "author",
        "reviewer", "reviewer-name", "review-author", "display-name-link", "byline-wrapper", "author-byline");

    // The post's date under names PostDateName does not cover ("date", "entry-date", "pubdate", "post-timestamp" and the
    // like are its).
    private static readonly FrozenSet<string> DateNames = Set("published", "date-header", "dateline", "review-date");

    private static readonly FrozenSet<string> AuthorBlockNames = Set(
        "author", "vcard", "post-author", "entry-author", "byline", "article-author", "author-name");

    private static readonly FrozenSet<string> CommentItemNames = Set(
        "comment", "comment-item", "comment_item", "single-comment", "comment-block", "commentlist-item", "comment-wrap", "hubcomment", "hub-comment", "review-comment");

    private static ClassSignal Roles(string name, bool isId)
    {
        var roles = SidebarLike().IsMatch(name) ? ClassSignal.SidebarLike : 0;
        if (isId)
        {
            roles |= CommentItemId().IsMatch(name) ? ClassSignal.CommentItemId : 0;
            roles |= BloggerCommentId().IsMatch(name) ? ClassSignal.BloggerCommentId : 0;
            roles |= DisqusPostId().IsMatch(name) ? ClassSignal.DisqusPostId : 0;
            roles |= name == "disqus_thread" ? ClassSignal.DisqusThread : 0;
            return roles;
        }

        roles |= name is "hentry" or "h-entry" or "post" or "type-post" ? ClassSignal.PostEntry : 0;
        roles |= AggregateName().IsMatch(name) ? ClassSignal.AggregateRating : RatingName().IsMatch(name) ? ClassSignal.RatingLike : 0;
        var element = BemElement(name);
        roles |= HeadlineNames.Contains(name) ? ClassSignal.Headline : 0;
        roles |= BylineNames.Contains(name) || element is "byline" ? ClassSignal.Byline : 0;
        roles |= DateNames.Contains(name) || element is "dateline" or "pubdate" or "publish-date" || PostDateName().IsMatch(name) ? ClassSignal.DateLike : 0;
        roles |= AuthorBlockNames.Contains(name) ? ClassSignal.AuthorBlock : 0;
        roles |= CommentItemNames.Contains(name) ? ClassSignal.CommentItem : 0;
        roles |= CommentBody().IsMatch(name) ? ClassSignal.CommentBody : 0;
        roles |= name == "fn" ? ClassSignal.CommentFn : 0;
        roles |= CommentAuthor().IsMatch(name) ? ClassSignal.CommentAuthor : 0;
        roles |= CommentDate().IsMatch(name) ? ClassSignal.CommentDate : 0;
        roles |= CommentChrome().IsMatch(name) ? ClassSignal.CommentChrome : 0;
        roles |= ReplyContainer().IsMatch(name) ? ClassSignal.ReplyContainer : 0;
        return roles;
    }

    /// <summary>
    /// The element of a BEM class name ("content__byline" → "byline", "c-article__dateline--large" → "dateline"), empty
    /// when it has none. Sites that name classes this way put the role after the block, so only words that name the
    /// article's own byline and date count: a "__headline", "__title" or "__author" is as often a teaser's or a comment's
    /// ("most-popular-list-item__headline").
    /// </summary>
    private static string BemElement(string name)
    {
        var start = name.LastIndexOf("__", StringComparison.Ordinal);
        if (start < 0)
        {
            return string.Empty;
        }

        var element = name[(start + 2)..];
        var modifier = element.IndexOf("--", StringComparison.Ordinal);
        return modifier < 0 ? element : element[..modifier];
    }

    private static FrozenSet<string> Set(params string[] names) => names.ToFrozenSet(StringComparer.Ordinal);

    // "rating-value", "star-rating", "user-score", "stars": not "starring", "rating-count".
    [GeneratedRegex(@"(?<![a-z])(?:rating|stars?|score)(?![a-z]|[-_](?:count|total|votes?|number))")]
    private static partial Regex RatingName();

    [GeneratedRegex(@"aggregate|average|(?<![a-z])avg(?![a-z])")]
    private static partial Regex AggregateName();

    // The post's own date as templates name it: a date or time name alone or after one prefix, "date", "timestamp",
    // "entry-date", "pubdate", "datestamp", "meta_date", "post_date", "the-date", "post-time" (a comment's date is
    // CommentDate's, "comment_date").
    [GeneratedRegex(@"^(?:post|entry|article|story|meta|single|the|pub|publish(?:ed)?)?[-_]?(?:date|datestamp|time|timestamp)$")]
    private static partial Regex PostDateName();

    [GeneratedRegex(@"sidebar|widget|related|footer|menu|(?<![a-z])nav", RegexOptions.IgnoreCase)]
    private static partial Regex SidebarLike();

    [GeneratedRegex(@"^(?:children|replies|comment(?:__|[-_])replies|reply[-_]list|inline[-_]thread|thread[-_]children|indented)$")]
    private static partial Regex ReplyContainer();

    [GeneratedRegex(@"^(?:comment(?:__|[-_])?(?:author|meta|metadata|header|footer|actions|date|time|timestamp|info|details|avatar|picture|picture-wrapper|reply|tools|byline|permalink|links|submitted)|commentmetadata|vcard|says|avatar.*|fn|datetime|post-byline|post-meta|reply|comment-reply-link|byline|user|author|time-ago|tagline|score|votes?|voting|buttons|submitted|comment(?:__|[-_])?(?:score|votes?|buttons|controls|toolbar)|post[-_]controls)$")]
    private static partial Regex CommentChrome();

    [GeneratedRegex(@"^(?:comment(?:__|[-_])?(?:content|text|message|entry|body|body[-_]text|copy)|commentbody|commenttext|post[-_]message|message|comment_content|usertext-body)$")]
    private static partial Regex CommentBody();

    [GeneratedRegex(@"^(?:comment(?:__|[-_])?author(?:[-_]name)?|comment(?:__|[-_])?name|author(?:[-_]name)?|user(?:name)?|user[-_]name|commenter(?:[-_]name)?|comment(?:__|[-_])?user|name)$")]
    private static partial Regex CommentAuthor();

    [GeneratedRegex(@"^(?:comment(?:__|[-_])?(?:meta|metadata|date|time|timestamp)|comment[-_]meta[-_](?:date|time)|commentmetadata|datetime|date|published|timestamp|time-ago|post-meta)$")]
    private static partial Regex CommentDate();

    // "comment-123", WordPress's "li-comment-123" and "div-comment-123", Disqus's "dsq-comment-123", hexadecimal ids.
    [GeneratedRegex(@"^(?:[a-z]{1,5}[-_])?comment[-_]?(?=[0-9a-f]*[0-9])[0-9a-f]{1,40}$", RegexOptions.IgnoreCase)]
    private static partial Regex CommentItemId();

    [GeneratedRegex(@"^c\d{4,}$")]
    private static partial Regex BloggerCommentId();

    [GeneratedRegex(@"^post-\d+$")]
    private static partial Regex DisqusPostId();
}
