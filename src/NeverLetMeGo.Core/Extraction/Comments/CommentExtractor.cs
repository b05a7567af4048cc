using HtmlAgilityPack;
using NeverLetMeGo.Core.Extraction.Metadata;

namespace NeverLetMeGo.Core.Extraction.Comments;

/// <summary>
/// Finds comment threads (WordPress, WordPress.com, Blogger, Disqus static markup, generic "comments" containers), reads
/// each comment's author, time and text, and links replies to their parents through the nesting of the markup.
/// </summary>
internal sealed class CommentExtractor(ClassHintCache hints)
{
    private readonly List<Item> _items = [];
    private readonly HashSet<HtmlNode> _itemNodes = new(NodeIdentity.Instance);
    private readonly List<HtmlNode> _areas = [];
    private readonly List<HtmlNode> _headings = [];
    private readonly HashSet<HtmlNode> _headingsTaken = new(NodeIdentity.Instance);

    /// <summary>Thread containers (or stray comment items) that hold the comments found; the caller removes them from the article.</summary>
    public List<HtmlNode> Containers { get; } = [];

    public IReadOnlyList<RawComment> Extract(HtmlNode root)
    {
        Scan(root, current: null, replyBoundary: false, area: null, disqus: false, depth: 0);
        var comments = new List<RawComment>(_items.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _items.Count; i++)
        {
            var item = _items[i];
            item.FinalId = UniqueId(item.PreferredId ?? $"c{i + 1}", ids);
            if (Read(item) is { } comment)
            {
                item.Emitted = true;
                comments.Add(comment);
            }
        }

        ReadHeadedThreads(comments, ids);
        CollectContainers();
        return comments;
    }

    /// <summary>Movable Type style threads: the run after a "Comments" heading leaves the article, and is read as comments when it holds no comment elements.</summary>
    private void ReadHeadedThreads(List<RawComment> comments, HashSet<string> ids)
    {
        foreach (var heading in _headings)
        {
            var run = HeadedThread.Run(heading, node => IsArticleContainer(node) || HoldsArticle(node));
            var found = _items.Any(i => i.Area == heading);
            if (!found)
            {
                foreach (var (nodes, author, date) in HeadedThread.Split(run, hints))
                {
                    var text = new BlockEmitter(hints) { CommentMode = true }.Emit(nodes);
                    if (text.Blocks.Count > 0)
                    {
                        comments.Add(new RawComment(UniqueId($"c{comments.Count + 1}", ids), null, author, date, text));
                        found = true;
                    }
                }
            }

            if (found)
            {
                _headingsTaken.Add(heading);
                Containers.Add(heading);
                Containers.AddRange(run);
            }
        }
    }

    private void Scan(HtmlNode node, Item? current, bool replyBoundary, HtmlNode? area, bool disqus, int depth)
    {
        if (depth > HtmlLoader.MaxDepth)
        {
            throw new ExtractionException($"nesting deeper than {HtmlLoader.MaxDepth} levels");
        }

        HtmlNode? headingArea = null;
        Item? term = null;
        var children = node.ChildNodes;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (child.NodeType != HtmlNodeType.Element || HtmlNames.Dropped.Contains(child.Name))
            {
                continue;
            }

            var verdict = NodeTraits.Verdict(child, hints);
            var childArea = area ?? headingArea;
            var childDisqus = disqus || verdict.Has(ClassSignal.DisqusThread);
            if (childArea is null && HtmlNames.IsHeading(child.Name))
            {
                if (HeadedThread.IsThreadHeading(child, verdict, hints))
                {
                    // Movable Type: <h2 id="comments">Comments</h2> followed by the comments as its siblings.
                    childArea = headingArea = child;
                    _headings.Add(child);
                }
            }
            else if (childArea is null && (verdict.Has(ClassSignal.CommentArea) || childDisqus))
            {
                childArea = child;
                _areas.Add(child);
            }

            if (child.Name == "dt")
            {
                term = null;
            }

            if (CommentMarkup.IsItem(child, verdict, childArea is not null, childDisqus))
            {
                if (term is not null && child.Name == "dd")
                {
                    // Thesis-style threads mark both halves of a dt/dd pair as comments: the dd is the body of the dt's
                    // comment (read through its scope), not a second comment with the same text.
                    _itemNodes.Add(child);
                    Scan(child, term, false, childArea, childDisqus, depth + 1);
                    continue;
                }

                if (current is not null && !replyBoundary)
                {
                    // An inner wrapper of the same comment (WordPress.com: li#li-comment-1 > div#comment-1).
                    current.Adopt(child);
                    Scan(child, current, false, childArea, childDisqus, depth + 1);
                    continue;
                }

                var item = new Item(child, current, childArea);
                _items.Add(item);
                _itemNodes.Add(child);
                term = child.Name == "dt" ? item : null;
                Scan(child, item, false, childArea, childDisqus, depth + 1);
                continue;
            }

            var boundary = replyBoundary || (current is not null && CommentMarkup.IsReplyContainer(child, verdict));
            Scan(child, current, boundary, childArea, childDisqus, depth + 1);
        }
    }

    /// <summary>The nodes that hold one comment: the item itself, or for Blogger's classic &lt;dt&gt; the dd elements after it.</summary>
    private static List<HtmlNode> Scope(HtmlNode item)
    {
        var scope = new List<HtmlNode> { item };
        if (item.Name != "dt")
        {
            return scope;
        }

        for (var next = item.NextSibling; next is not null && next.Name != "dt"; next = next.NextSibling)
        {
            if (next.Name == "dd")
            {
                scope.Add(next);
            }
        }

        return scope;
    }

    private bool IsNestedItem(HtmlNode node) => _itemNodes.Contains(node);

    /// <summary>One walk over the comment's own markup (replies excluded) finds its body, author and date elements.</summary>
    private RawComment? Read(Item item)
    {
        HtmlNode? body = null, strongAuthor = null, weakAuthor = null;
        var dates = new List<HtmlNode>(2);
        foreach (var part in Scope(item.Node))
        {
            foreach (var node in HtmlText.Elements(part, IsNestedItem))
            {
                var verdict = NodeTraits.Verdict(node, hints);
                body ??= CommentMarkup.IsBody(node, verdict) ? node : null;
                strongAuthor ??= CommentMarkup.IsAuthor(node, verdict, strong: true) ? node : null;
                weakAuthor ??= CommentMarkup.IsAuthor(node, verdict, strong: false) ? node : null;
                if (CommentMarkup.IsDate(node, verdict))
                {
                    dates.Add(node);
                }
            }
        }

        var text = ReadText(item.Node, body);
        if (text.Blocks.Count == 0)
        {
            return null;
        }

        var author = strongAuthor ?? weakAuthor ?? (item.Node.Name == "dt" ? item.Node : null);
        var name = author is null ? null : CommentMarkup.CleanAuthor(HtmlText.Of(author));
        // A parent without text (deleted, or markup only) is skipped: the reply hangs on the nearest ancestor that was kept.
        var parent = item.Parent;
        while (parent is { Emitted: false })
        {
            parent = parent.Parent;
        }

        return new RawComment(item.FinalId, parent?.FinalId, name, ReadDate(dates), text);
    }

    private ExtractedText ReadText(HtmlNode item, HtmlNode? body)
    {
        if (body is not null)
        {
            return new BlockEmitter(hints) { CommentMode = true, Skip = IsNestedItem }.Emit([body]);
        }

        var roots = item.Name == "dt" ? Scope(item).Skip(1) : [item];
        var emitter = new BlockEmitter(hints)
        {
            CommentMode = true,
            Skip = node =>
            {
                var verdict = NodeTraits.Verdict(node, hints);
                return IsNestedItem(node) || CommentMarkup.IsChrome(node, verdict) || (CommentMarkup.IsReplyContainer(node, verdict) && ContainsItem(node));
            },
        };
        return emitter.Emit(roots);
    }

    private bool ContainsItem(HtmlNode node) => HtmlText.Elements(node).Any(_itemNodes.Contains);

    /// <summary>Machine-readable times (datetime, title attributes) beat printed ones, which carry no zone.</summary>
    private static DateTimeOffset? ReadDate(List<HtmlNode> dates) =>
        dates.Select(n => DateParser.Parse(n.GetAttributeValue("datetime", null)) ?? DateParser.Parse(n.GetAttributeValue("title", null))).FirstOrDefault(d => d is not null)
        ?? dates.Select(n => DateParser.Parse(HtmlText.Of(n))).FirstOrDefault(d => d is not null);

    private void CollectContainers()
    {
        foreach (var area in _areas)
        {
            if (_items.Any(i => i.Area == area) && !HoldsArticle(area))
            {
                Containers.Add(area);
            }
        }

        // Comments outside a container are removed one by one; those after a "Comments" heading went with its run.
        Containers.AddRange(_items
            .Where(i => i.Parent is null && (i.Area is null || (!_areas.Contains(i.Area) && !_headingsTaken.Contains(i.Area))))
            .SelectMany(i => Scope(i.Node)));
    }

    // A thread container never swallows the article: refuse one that holds an article body outside its comments.
    private bool HoldsArticle(HtmlNode area) => HtmlText.Elements(area, IsNestedItem).Any(IsArticleContainer);

    private bool IsArticleContainer(HtmlNode node) =>
        node.Name == "article" || NodeTraits.Verdict(node, hints).Has(ClassSignal.ContentHint | ClassSignal.ArticleBody);

    private static string UniqueId(string id, HashSet<string> ids)
    {
        var candidate = id;
        for (var n = 2; !ids.Add(candidate); n++)
        {
            candidate = $"{id}-{n}";
        }

        return candidate;
    }

    private sealed class Item(HtmlNode node, Item? parent, HtmlNode? area)
    {
        public HtmlNode Node { get; } = node;
        public Item? Parent { get; } = parent;
        public HtmlNode? Area { get; } = area;
        public string? PreferredId { get; private set; } = IdOf(node);
        public string FinalId { get; set; } = string.Empty;
        public bool Emitted { get; set; }

        /// <summary>Prefers the canonical "comment-123" id of an inner wrapper over "li-comment-123" or none.</summary>
        public void Adopt(HtmlNode wrapper)
        {
            var id = IdOf(wrapper);
            if (id is not null && (PreferredId is null || (!PreferredId.StartsWith("comment", StringComparison.Ordinal) && id.StartsWith("comment", StringComparison.Ordinal))))
            {
                PreferredId = id;
            }
        }

        private static string? IdOf(HtmlNode node)
        {
            var id = NodeTraits.Id(node).Trim();
            return id.Length > 0 ? id : null;
        }
    }
}
