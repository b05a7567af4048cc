using HtmlAgilityPack;
using NeverLetMeGo.Core.Extraction.Metadata;

namespace NeverLetMeGo.Core.Extraction.Comments;

/// <summary>
/// Discussion threads (forum topics, Q&amp;A pages, discussion boards): posts printed as repeated sibling items of one
/// markup (phpBB div.post, vBulletin li.postcontainer, Discourse div.topic-post, article.post lists), or a question
/// followed by its answers. The opening post is the article and each later post a comment. A blog's front page is
/// the same repetition, so a group counts as a thread only when every item names its poster and has text of its own,
/// and no item has a teaser's shape: a headline linking to another page, or a "read more" link.
/// </summary>
internal sealed class ForumThread(ClassHintCache hints)
{
    // Three posts: two teasers or an article beside one related post repeat a markup too.
    private const int MinPosts = 3;

    private readonly Dictionary<HtmlNode, string?> _groups = new(NodeIdentity.Instance);

    // The posts read so far, for replies that name the post they answer: by the ids inside them and by poster (the
    // latest post of each). A reply to the opening post (the article) has no parent, so it maps to null.
    private readonly Dictionary<string, string?> _postByElementId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _postByPoster = new(StringComparer.OrdinalIgnoreCase);
    private Post? _opening;

    /// <summary>The thread's opening post, once found: only one thread per page is read.</summary>
    public HtmlNode? Opening { get; private set; }

    /// <summary>The opening post's poster and date, once <see cref="BeginReading"/> has run.</summary>
    public (string? Author, DateTimeOffset? Date)? Poster => _opening is null ? null : (_opening.Author, _opening.Date);

    public enum Role
    {
        None,
        Opening,
        Reply,
    }

    /// <summary>Whether <paramref name="node"/>, met in document order outside any comment, opens a thread or replies in one.</summary>
    public Role Classify(HtmlNode node)
    {
        if (node.ParentNode is not { } parent || ForumMarkup.PostToken(node) is not { } token)
        {
            return Role.None;
        }

        if (_groups.TryGetValue(parent, out var thread))
        {
            return thread == token ? (node == Opening ? Role.Opening : Role.Reply) : Role.None;
        }

        if (Opening is not null)
        {
            return Role.None;
        }

        if (token == "question")
        {
            return JudgeQuestion(node) ? Role.Opening : Role.None;
        }

        var members = Members(parent, node.Name, token);
        // A user review is printed under its own title, a link to its own page: whole reviews, not teasers, unless a "read
        // more" says the text goes on elsewhere. Items named by nothing but their shared classes get no such leave (a
        // blog's front page of whole posts under linked titles is no thread), and must each say something of their own.
        var listed = ForumMarkup.IsListItemToken(token);
        var titled = !listed && ForumMarkup.IsUserReview(token);
        var judged = members.Count >= MinPosts && members.All(m => IsPost(m, titled)) && !ArticleElsewhere(members)
            && (!listed || members.All(HasProse));
        _groups[parent] = judged ? token : null;
        if (!judged)
        {
            return Role.None;
        }

        Opening = members[0];
        return node == Opening ? Role.Opening : Role.Reply;
    }

    /// <summary>Q&amp;A pages print the question apart from the answers that follow it; one answer makes a thread.</summary>
    private bool JudgeQuestion(HtmlNode question)
    {
        var answers = new List<HtmlNode>();
        for (var next = question.NextSibling; next is not null && answers.Count == 0; next = next.NextSibling)
        {
            if (next.NodeType != HtmlNodeType.Element)
            {
                continue;
            }

            answers.AddRange(Members(next, null, "answer"));
        }

        if (answers.Count == 0 || !IsPost(question) || !answers.All(a => IsPost(a)) || ArticleElsewhere([question, .. answers]))
        {
            return false;
        }

        Opening = question;
        _groups[question.ParentNode!] = "question";
        _groups[answers[0].ParentNode!] = "answer";
        return true;
    }

    /// <summary>
    /// A page whose article lies outside the posts (an article element or an entry-content longer than the first post)
    /// prints its comments as posts (Kinja's article.reply): the comment finder reads those, not a thread.
    /// </summary>
    private bool ArticleElsewhere(List<HtmlNode> posts)
    {
        var first = Read(posts[0]);
        var length = HtmlText.Of(first.Body ?? posts[0]).Length;
        var inPosts = new HashSet<HtmlNode>(posts, NodeIdentity.Instance);
        var around = new HashSet<HtmlNode>(NodeIdentity.Instance);
        foreach (var post in posts)
        {
            var up = post.ParentNode;
            while (up is not null && around.Add(up))
            {
                up = up.ParentNode;
            }
        }

        var root = posts[0].OwnerDocument.DocumentNode;
        return HtmlText.Elements(root, inPosts.Contains).Any(n =>
            !around.Contains(n)
            && (n.Name == "article" || NodeTraits.Verdict(n, hints).Has(ClassSignal.ContentHint | ClassSignal.ArticleBody))
            && HtmlText.Of(n).Length > length);
    }

    private List<HtmlNode> Members(HtmlNode parent, string? name, string token)
    {
        var members = new List<HtmlNode>();
        foreach (var child in parent.ChildNodes)
        {
            if (child.NodeType == HtmlNodeType.Element && (name is null || child.Name == name) && ForumMarkup.PostToken(child) == token)
            {
                members.Add(child);
            }
        }

        return members;
    }

    /// <summary>
    /// A post names its poster, has text besides the poster line, and is not a teaser for another page (with
    /// <paramref name="titled"/>, a linked title is allowed: only a "read more" makes the post a teaser).
    /// </summary>
    private bool IsPost(HtmlNode node, bool titled = false)
    {
        var read = Read(node);
        if (read.AuthorNode is null || read.Author is null)
        {
            return false;
        }

        var text = HtmlText.Of(read.Body ?? node).Length - (read.Body is null ? HtmlText.Of(read.AuthorNode).Length : 0);
        return text > 0 && !HtmlText.Elements(node, IsCommentMarkup).Any(n => IsTeaserLink(n, node, titled));
    }

    /// <summary>
    /// Words of its own besides its links: a list named by nothing but shared classes is a list of posts only when each item
    /// says something (a sidebar's "latest posts by our editors" names a poster per item too, and is all links).
    /// </summary>
    private static bool HasProse(HtmlNode item) =>
        HtmlText.Of(item).Length - item.Descendants("a").Sum(a => HtmlText.Of(a).Length) >= MinListItemProse;

    private const int MinListItemProse = 80;

    private bool IsTeaserLink(HtmlNode node, HtmlNode post, bool titled)
    {
        if (node.Name != "a")
        {
            return false;
        }

        if (ForumMarkup.IsReadMore(node))
        {
            return true;
        }

        if (titled)
        {
            return false;
        }

        // A headline linking elsewhere is a teaser's; forum subjects link to the post's own anchor ("#p9002").
        var href = node.GetAttributeValue("href", string.Empty);
        if (href.Length == 0 || href.Contains('#', StringComparison.Ordinal))
        {
            return false;
        }

        for (var up = node; up is not null && up != post; up = up.ParentNode)
        {
            if (HtmlNames.IsHeading(up.Name) || NodeTraits.Verdict(up, hints).Has(ClassSignal.Headline))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsCommentMarkup(HtmlNode node) =>
        NodeTraits.Verdict(node, hints).Has(ClassSignal.CommentArea | ClassSignal.CommentItem | ClassSignal.CommentItemId);

    /// <summary>Reads the opening post, before the replies are read in document order.</summary>
    public void BeginReading()
    {
        if (Opening is not null)
        {
            _opening = Read(Opening);
            Remember(Opening, _opening.Author, null);
        }
    }

    /// <summary>The reply <paramref name="comment"/> read from <paramref name="reply"/>, hung on the earlier post it answers.</summary>
    public RawComment Answering(HtmlNode reply, RawComment comment)
    {
        string? parent = null;
        if (ForumMarkup.ReplyToId(reply) is { } target && _postByElementId.TryGetValue(target, out var linked))
        {
            parent = linked;
        }
        else if (ForumMarkup.MentionAtStart(comment.Text.Blocks[0].Text) is { } name && _postByPoster.TryGetValue(name, out var named))
        {
            parent = named;
        }

        Remember(reply, comment.Author, comment.Id);
        return parent is null ? comment : comment with { ParentId = parent };
    }

    private void Remember(HtmlNode post, string? author, string? id)
    {
        foreach (var node in HtmlText.Elements(post).Prepend(post))
        {
            if (node.HasAttributes && NodeTraits.Id(node) is { Length: > 0 } elementId)
            {
                _postByElementId.TryAdd(elementId, id);
            }
        }

        if (author is not null)
        {
            _postByPoster[author] = id;
        }
    }

    /// <summary>What one post holds: its text's element, its poster and the date it was posted, with the elements they came from.</summary>
    internal sealed record Post(HtmlNode? Body, HtmlNode? AuthorNode, string? Author, DateTimeOffset? Date, List<HtmlNode> Chrome);

    /// <summary>Reads a post's parts, not entering the comments printed under it (Q&amp;A pages comment on each post).</summary>
    public Post Read(HtmlNode post)
    {
        var body = Body(post);
        HtmlNode? author = null;
        var chrome = new List<HtmlNode>();
        var dates = new List<HtmlNode>();
        foreach (var node in HtmlText.Elements(post, n => n == body || IsCommentMarkup(n)))
        {
            if (author is null && ForumMarkup.IsAuthor(node) && HtmlText.Of(node).Length > 0)
            {
                // The profile block holds the name with post counts and join dates: the innermost name is the poster.
                author = node;
                while (HtmlText.Elements(author).FirstOrDefault(n => ForumMarkup.IsAuthor(n) && HtmlText.Of(n).Length > 0) is { } inner)
                {
                    author = inner;
                }

                chrome.Add(node);
            }

            if (node.Name == "time" || ForumMarkup.IsDate(node))
            {
                dates.Add(node);
                chrome.Add(node);
            }
        }

        var name = author is null ? null : CommentMarkup.CleanAuthor(HtmlText.Of(author));
        return new Post(body, author, name, ReadDate(dates), chrome);
    }

    /// <summary>
    /// The element that holds the post's text: the longest one marked as a body, then inner ones while they hold nearly all
    /// of its text (vBulletin nests content, post_message and postcontent). phpBB's and vBulletin's "postbody" is the whole
    /// column beside the profile (subject, poster line, signature), so it is not a body.
    /// </summary>
    private HtmlNode? Body(HtmlNode post)
    {
        // The longest: a poster's hover card can be marked "content" too.
        var body = HtmlText.Elements(post, IsCommentMarkup).Where(ForumMarkup.IsBody).MaxBy(n => HtmlText.Of(n).Length);
        while (body is not null)
        {
            var length = HtmlText.Of(body).Length;
            var inner = HtmlText.Elements(body).FirstOrDefault(n => ForumMarkup.IsBody(n) && HtmlText.Of(n).Length >= length * 0.9);
            if (inner is null)
            {
                break;
            }

            body = inner;
        }

        return body;
    }

    private static DateTimeOffset? ReadDate(List<HtmlNode> dates) =>
        dates.Select(n => DateParser.Parse(n.GetAttributeValue("datetime", null)) ?? DateParser.Parse(n.GetAttributeValue("title", null))).FirstOrDefault(d => d is not null)
        ?? dates.Select(n => DateParser.Parse(HtmlText.Of(n))).FirstOrDefault(d => d is not null);

    /// <summary>
    /// Leaves the opening post as its text alone, for the article: what surrounds the body (profile, poster line, subject,
    /// signature, buttons) goes with the replies. Without a body element, the poster and date elements go.
    /// </summary>
    public void TrimOpening(List<HtmlNode> containers)
    {
        if (Opening is null || _opening is not { } opening)
        {
            return;
        }

        if (opening.Body is null)
        {
            containers.AddRange(opening.Chrome);
            return;
        }

        for (var node = opening.Body; node != Opening && node.ParentNode is not null; node = node.ParentNode)
        {
            containers.AddRange(node.ParentNode.ChildNodes.Where(s => s != node && s.NodeType == HtmlNodeType.Element));
        }

        if (opening.Body.Name == "blockquote")
        {
            // vBulletin prints every post's text in a blockquote: a reader sees the post, not a quotation.
            opening.Body.Name = "div";
        }

        ForumMarkup.MarkQuotes(opening.Body);
    }
}
