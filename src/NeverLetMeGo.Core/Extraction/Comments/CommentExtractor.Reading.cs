using HtmlAgilityPack;
using NeverLetMeGo.Core.Extraction.Metadata;

namespace NeverLetMeGo.Core.Extraction.Comments;

/// <summary>Reading one comment found by the scan: its body, author, date and text.</summary>
internal sealed partial class CommentExtractor
{
    /// <summary>One walk over the comment's own markup (replies excluded) finds its body, author and date elements.</summary>
    private RawComment? Read(Item item)
    {
        if (item.Forum)
        {
            return ReadPost(item);
        }

        HtmlNode? body = null, strongAuthor = null, weakAuthor = null, authorLink = null, cite = null;
        _dates.Clear();
        _chrome.Clear();
        foreach (var part in Scope(item.Node, _scope))
        {
            // Elements in document order, not entering the scripts and styles nor the replies (HtmlText.Elements, without
            // an iterator and a stack per comment).
            _stack.Clear();
            PushChildren(part);
            while (_stack.TryPop(out var node))
            {
                if (node.NodeType != HtmlNodeType.Element || HtmlNames.Dropped.Contains(node.Name) || IsNestedItem(node))
                {
                    continue;
                }

                var verdict = NodeTraits.Verdict(node, _hints);
                body ??= CommentMarkup.IsBody(node, verdict) ? node : null;
                strongAuthor ??= CommentMarkup.IsAuthor(node, verdict, strong: true) ? node : null;
                if (CommentMarkup.IsAuthor(node, verdict, strong: false) && (weakAuthor is null || ContentAnalyzer.IsAttached(node, weakAuthor)))
                {
                    // The innermost: a div.comment-author around the date and a p.comment-name names the poster by the p.
                    weakAuthor = node;
                }

                authorLink ??= CommentMarkup.IsAuthorLink(node) ? node : null;
                cite ??= node.Name == "cite" && body is null && !CommentByline.InProse(node, item.Node) ? node : null;
                if (CommentMarkup.IsDate(node, verdict))
                {
                    _dates.Add(node);
                }
                else if (verdict.Has(ClassSignal.CommentChrome) || CommentMarkup.IsByLine(node))
                {
                    _chrome.Add(node);
                }

                PushChildren(node);
            }
        }

        // A "body" that holds the comment's byline is its wrapper (WordPress's div.comment-body around author, date and
        // text): the comment is read as a whole item then, without its byline and date.
        if (body is not null && (strongAuthor ?? weakAuthor) is { } byline && byline != body && ContentAnalyzer.IsAttached(byline, body))
        {
            body = null;
        }

        var text = ReadText(item.Node, body);
        if (text.Blocks.Count == 0)
        {
            return null;
        }

        var author = strongAuthor ?? PosterLink(weakAuthor, _dates) ?? weakAuthor;
        // A poster element may print the date after the name ("Martin Edwards Aug 08, 2012 @ 16:44:30"); one that holds
        // more than a byline's length holds the comment too, and names nobody.
        var (name, bylineDate) = author is null || HtmlText.Of(author) is not { Length: <= CommentByline.MaxBylineLength } posterLine
            ? (null, null)
            : posterLine.AsSpan().ContainsAnyInRange('0', '9') ? CommentMarkup.SplitByline(posterLine) : (CommentMarkup.CleanAuthor(posterLine), null);
        if (author is null && item.Unmarked)
        {
            (name, bylineDate) = UnmarkedThread.Byline(item.Node);
        }
        else if (author is null && item.Node.Name == "dt")
        {
            // The term is the byline: the poster's name, often with a number and the date on the same line.
            (name, bylineDate) = CommentMarkup.SplitByline(HtmlText.Of(item.Node));
        }

        var date = ReadDate(_dates) ?? bylineDate;
        (name, date) = CommentByline.Complete(name, date, new CommentByline.Clues(item.Node, authorLink, cite, _dates, _chrome, _isNestedItem, ArticlePosted), _hints);

        // A parent without text (deleted, or markup only) is skipped: the reply hangs on the nearest ancestor that was kept.
        var parent = item.Parent;
        while (parent is { Emitted: false })
        {
            parent = parent.Parent;
        }

        return new RawComment(item.FinalId, parent?.FinalId, name, date, text);
    }

    /// <summary>
    /// The link that names the poster inside a poster box that also holds the comment's date (HuffPost's div.author_name:
    /// the name's link, "37 minutes ago (12:39 PM)", "6508 Fans"): the box's text is more than a name.
    /// </summary>
    private static HtmlNode? PosterLink(HtmlNode? box, List<HtmlNode> dates)
    {
        if (box is null || box.Name == "a")
        {
            return null;
        }

        foreach (var date in dates)
        {
            if (ContentAnalyzer.IsAttached(date, box))
            {
                return box.Descendants("a").FirstOrDefault(a => HtmlText.Of(a).Length is > 0 and <= MaxLinkedName);
            }
        }

        return null;
    }

    private const int MaxLinkedName = 40;

    private RawComment? ReadPost(Item item)
    {
        var post = _forum.Read(item.Node);
        if (post.Body is not null)
        {
            ForumMarkup.MarkQuotes(post.Body);
        }

        var text = post.Body is not null ? _bodyEmitter.Emit([post.Body]) : _itemEmitter.Emit([item.Node]);
        return text.Blocks.Count == 0 ? null : new RawComment(item.FinalId, null, post.Author, post.Date, text);
    }

    private void PushChildren(HtmlNode node)
    {
        var children = node.ChildNodes;
        for (var i = children.Count - 1; i >= 0; i--)
        {
            _stack.Push(children[i]);
        }
    }

    private ExtractedText ReadText(HtmlNode item, HtmlNode? body) =>
        body is not null ? _bodyEmitter.Emit([body])
        : _itemEmitter.Emit(item.Name == "dt" ? Scope(item, []).Skip(1) : [item]);

    /// <summary>Machine-readable times (datetime, title attributes) beat printed ones, which carry no zone.</summary>
    private static DateTimeOffset? ReadDate(List<HtmlNode> dates) =>
        dates.Select(n => DateParser.Parse(n.GetAttributeValue("datetime", null)) ?? DateParser.Parse(n.GetAttributeValue("title", null))).FirstOrDefault(d => d is not null)
        ?? dates.Select(n => DateParser.Parse(HtmlText.Of(n))).FirstOrDefault(d => d is not null);
}
