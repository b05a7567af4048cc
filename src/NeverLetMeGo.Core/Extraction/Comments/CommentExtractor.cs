using HtmlAgilityPack;

namespace NeverLetMeGo.Core.Extraction.Comments;

/// <summary>
/// Finds comment threads (WordPress, WordPress.com, Blogger, Disqus static markup, generic "comments" containers), reads
/// each comment's author, time and text, and links replies to their parents through the nesting of the markup.
/// </summary>
internal sealed partial class CommentExtractor
{
    private readonly ClassHintCache _hints;
    private readonly List<Item> _items = [];
    private readonly HashSet<HtmlNode> _itemNodes = new(NodeIdentity.Instance);
    private readonly List<HtmlNode> _areas = [];
    private readonly List<HtmlNode> _headings = [];
    private readonly HashSet<HtmlNode> _headingsTaken = new(NodeIdentity.Instance);
    private readonly ForumThread _forum;

    // One of each per page rather than per comment: a page can hold hundreds of comments.
    private readonly Func<HtmlNode, bool> _isNestedItem;
    private readonly BlockEmitter _bodyEmitter;
    private readonly BlockEmitter _itemEmitter;
    private readonly List<HtmlNode> _scope = [];
    private readonly List<HtmlNode> _dates = [];
    private readonly List<HtmlNode> _chrome = [];
    private readonly Stack<HtmlNode> _stack = new();

    public CommentExtractor(ClassHintCache hints)
    {
        _hints = hints;
        _forum = new ForumThread(hints);
        _isNestedItem = IsNestedItem;
        _bodyEmitter = new BlockEmitter(hints) { CommentMode = true, Skip = _isNestedItem };
        _itemEmitter = new BlockEmitter(hints)
        {
            CommentMode = true,
            Skip = node =>
            {
                var verdict = NodeTraits.Verdict(node, hints);
                return IsNestedItem(node) || CommentMarkup.IsChrome(node, verdict) || (CommentMarkup.IsReplyContainer(node, verdict) && ContainsItem(node));
            },
        };
    }

    /// <summary>When the article was published, if the page says: the year of comment dates printed without one.</summary>
    public DateTimeOffset? ArticlePosted { get; set; }

    /// <summary>Thread containers (or stray comment items) that hold the comments found; the caller removes them from the article.</summary>
    public List<HtmlNode> Containers { get; } = [];

    /// <summary>
    /// <paramref name="review"/> with the poster and date of a discussion thread's opening post (the article) where the
    /// page's metadata named none; after <see cref="Finish"/>.
    /// </summary>
    public Model.Review WithOpeningPoster(Model.Review review) =>
        _forum.Poster is { } poster ? review with { Author = review.Author ?? poster.Author, PublishedAt = review.PublishedAt ?? poster.Date } : review;

    /// <summary>Finds and reads the comments under <paramref name="root"/> in a walk of its own.</summary>
    public IReadOnlyList<RawComment> Extract(HtmlNode root)
    {
        Scan(root);
        return Finish();
    }

    /// <summary>
    /// Looks for comment markup under <paramref name="root"/> (not <paramref name="root"/> itself). The pipeline does not
    /// call this: its walk over the page (<see cref="PageWalk"/>) asks <see cref="Enter"/> about every element instead.
    /// </summary>
    public void Scan(HtmlNode root) => Scan(root, default, depth: 0);

    /// <summary>Reads the comments whose markup the walk found.</summary>
    public IReadOnlyList<RawComment> Finish()
    {
        AddUnmarkedItems();
        var comments = new List<RawComment>(_items.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        _forum.BeginReading();
        for (var i = 0; i < _items.Count; i++)
        {
            var item = _items[i];
            item.FinalId = UniqueId(item.PreferredId ?? $"c{i + 1}", ids);
            if (Read(item) is { } comment)
            {
                item.Emitted = true;
                comments.Add(item.Forum ? _forum.Answering(item.Node, comment) : comment);
            }
        }

        _forum.TrimOpening(Containers);

        ReadHeadedThreads(comments, ids);
        CollectContainers();
        return comments;
    }

    /// <summary>A thread container in which no comment is marked as one: its repeated children are its comments (<see cref="UnmarkedThread"/>).</summary>
    private void AddUnmarkedItems()
    {
        foreach (var area in _areas)
        {
            if (_headings.Contains(area) || _items.Any(i => i.Area == area) || ContainsItem(area) || HoldsArticle(area))
            {
                continue;
            }

            foreach (var node in UnmarkedThread.Items(area, _hints))
            {
                _items.Add(new Item(node, null, area) { Unmarked = true });
                _itemNodes.Add(node);
            }
        }
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
                foreach (var (nodes, author, date, footers) in HeadedThread.Split(run, _hints))
                {
                    var text = new BlockEmitter(_hints) { CommentMode = true, Skip = footers.Count == 0 ? null : footers.Contains }.Emit(nodes);
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

    private void Scan(HtmlNode node, ScanState state, int depth)
    {
        if (depth > HtmlLoader.MaxDepth)
        {
            throw new ExtractionException($"nesting deeper than {HtmlLoader.MaxDepth} levels");
        }

        var level = default(ScanLevel);
        var children = node.ChildNodes;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (child.NodeType == HtmlNodeType.Element && !HtmlNames.Dropped.Contains(child.Name))
            {
                Scan(child, Enter(child, NodeTraits.Verdict(child, _hints), state, ref level), depth + 1);
            }
        }
    }

    /// <summary>Where the walk stands for the comment finder: the comment it is inside, and the thread around it.</summary>
    /// <param name="Current">The comment item being walked, if any.</param>
    /// <param name="ReplyBoundary">A list or reply container lies between <paramref name="Current"/> and here: an item below is a reply.</param>
    /// <param name="Area">The thread container (or "Comments" heading) above, if any.</param>
    /// <param name="Disqus">Inside a Disqus thread.</param>
    /// <param name="InPost">Inside a discussion thread's opening post: no second thread starts there.</param>
    internal readonly record struct ScanState(Item? Current, bool ReplyBoundary, HtmlNode? Area, bool Disqus, bool InPost = false);

    /// <summary>What one element's children tell each other: a "Comments" heading opens a thread for its later siblings; a dt item owns the dd after it.</summary>
    internal struct ScanLevel
    {
        public HtmlNode? HeadingArea;
        public Item? Term;

        /// <summary>The last comment item among these children: Drupal prints a comment's replies in the div.indented after it.</summary>
        public Item? LastItem;
    }

    /// <summary>
    /// Judges one element (not a never-content one, see <see cref="HtmlNames.Dropped"/>) under a parent walked with
    /// <paramref name="state"/>; <paramref name="level"/> is shared by the parent's children in order. Returns the state
    /// its children are walked with.
    /// </summary>
    internal ScanState Enter(HtmlNode child, ClassVerdict verdict, ScanState state, ref ScanLevel level)
    {
        var childArea = state.Area ?? level.HeadingArea;
        var childDisqus = state.Disqus || verdict.Has(ClassSignal.DisqusThread);
        if (childArea is null && (HtmlNames.IsHeading(child.Name) || (verdict.Has(ClassSignal.CommentRelated) && HeadedThread.IsHeadingByName(child))))
        {
            if (HeadedThread.IsThreadHeading(child, verdict, _hints))
            {
                // Movable Type: <h2 id="comments">Comments</h2> followed by the comments as its siblings.
                childArea = level.HeadingArea = child;
                _headings.Add(child);
            }
        }
        else if (childArea is null && (verdict.Has(ClassSignal.CommentArea) || childDisqus))
        {
            childArea = child;
            _areas.Add(child);
            if (!childDisqus && HeadedThread.IsHeadingBox(child))
            {
                // A thread box that holds nothing but its heading (Movable Type's div.commentform around h2#comments):
                // the comments are its later siblings, as a heading's are.
                level.HeadingArea = child;
                _headings.Add(child);
            }
        }

        if (childArea is null && state.Current is null && !state.InPost)
        {
            switch (_forum.Classify(child))
            {
                case ForumThread.Role.Opening:
                    return new ScanState(null, false, null, childDisqus, InPost: true);
                case ForumThread.Role.Reply:
                    var post = new Item(child, null, null) { Forum = true };
                    post.Adopt(ForumMarkup.IdOf(child));
                    _items.Add(post);
                    _itemNodes.Add(child);
                    return new ScanState(post, false, null, childDisqus);
            }
        }

        if (child.Name == "dt")
        {
            level.Term = null;
        }

        if (CommentMarkup.IsItem(child, verdict, childArea is not null, childDisqus, underArea: (state.Area ?? level.HeadingArea) is not null))
        {
            if (level.Term is not null && child.Name == "dd")
            {
                // Thesis-style threads mark both halves of a dt/dd pair as comments: the dd is the body of the dt's
                // comment (read through its scope), not a second comment with the same text.
                _itemNodes.Add(child);
                return new ScanState(level.Term, false, childArea, childDisqus, state.InPost);
            }

            if (state.Current is not null && !state.ReplyBoundary)
            {
                // An inner wrapper of the same comment (WordPress.com: li#li-comment-1 > div#comment-1).
                state.Current.Adopt(child);
                return new ScanState(state.Current, false, childArea, childDisqus, state.InPost);
            }

            var item = new Item(child, state.Current, childArea);
            _items.Add(item);
            _itemNodes.Add(child);
            level.Term = child.Name == "dt" ? item : null;
            level.LastItem = item;
            return new ScanState(item, false, childArea, childDisqus, state.InPost);
        }

        if (state.Current is null && level.LastItem is not null && verdict.Has(ClassSignal.ReplyContainer))
        {
            // Replies printed after their comment rather than inside it (Drupal's div.indented).
            return new ScanState(level.LastItem, true, childArea, childDisqus, state.InPost);
        }

        // Q&A pages print comments under each post: they reply to the post, not wrap it.
        var boundary = state.ReplyBoundary
            || (state.Current is not null && (CommentMarkup.IsReplyContainer(child, verdict) || (state.Current.Forum && state.Area is null && childArea is not null)));
        return new ScanState(state.Current, boundary, childArea, childDisqus, state.InPost);
    }

    /// <summary>The nodes that hold one comment: the item itself, or for Blogger's classic &lt;dt&gt; the dd elements after it.</summary>
    private static List<HtmlNode> Scope(HtmlNode item) => Scope(item, []);

    private static List<HtmlNode> Scope(HtmlNode item, List<HtmlNode> scope)
    {
        scope.Clear();
        scope.Add(item);
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

    private bool ContainsItem(HtmlNode node) => HtmlText.Elements(node).Any(_itemNodes.Contains);

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
    private bool HoldsArticle(HtmlNode area) => HtmlText.Elements(area, _isNestedItem).Any(IsArticleContainer);

    private bool IsArticleContainer(HtmlNode node) =>
        node.Name == "article" || NodeTraits.Verdict(node, _hints).Has(ClassSignal.ContentHint | ClassSignal.ArticleBody);

    private static string UniqueId(string id, HashSet<string> ids)
    {
        var candidate = id;
        for (var n = 2; !ids.Add(candidate); n++)
        {
            candidate = $"{id}-{n}";
        }

        return candidate;
    }

    internal sealed class Item(HtmlNode node, Item? parent, HtmlNode? area)
    {
        public HtmlNode Node { get; } = node;
        public Item? Parent { get; } = parent;
        public HtmlNode? Area { get; } = area;
        public string? PreferredId { get; private set; } = IdOf(node);
        public string FinalId { get; set; } = string.Empty;
        public bool Emitted { get; set; }

        /// <summary>A repeated child of a thread container without comment markup: its byline is read by its shape.</summary>
        public bool Unmarked { get; init; }

        /// <summary>A reply in a discussion thread (<see cref="ForumThread"/>), read by its own markup.</summary>
        public bool Forum { get; init; }

        /// <summary>Prefers the canonical "comment-123" id of an inner wrapper over "li-comment-123" or none.</summary>
        public void Adopt(HtmlNode wrapper) => Adopt(IdOf(wrapper));

        /// <summary>Takes <paramref name="id"/> when the item has none, or when it is the canonical "comment-123" form.</summary>
        public void Adopt(string? id)
        {
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
