using HtmlAgilityPack;

namespace NeverLetMeGo.Core.Extraction;

/// <summary>
/// One post-order pass over the body: removes what can never be article text (scripts, hidden elements, furniture,
/// boilerplate by class/id) and scores what remains, readability-style: every paragraph adds to its parent, half to its
/// grandparent, a third to the great-grandparent. A lenient analyzer (for the fallback) removes only the page's chrome
/// (navigation, header, footer, asides) besides what never renders.
/// </summary>
internal sealed class ContentAnalyzer(ClassHintCache hints, bool lenient = false)
{
    // The metadata scan has judged every element with attributes by now; about half as many elements get scored.
    private readonly Dictionary<HtmlNode, NodeStats> _stats = new(hints.Count / 2, NodeIdentity.Instance);
    private readonly List<HtmlNode> _removals = [];
    private readonly List<(HtmlNode Node, NodeStats Stats)> _deferred = [];
    private readonly List<(HtmlNode Node, NodeStats Stats)> _marked = [];

    // Stats of elements nothing keeps (inline elements, once added to their parent; elements dropped whole) are reused for
    // the next element: about half of a page's elements are inline, and each used to leave a new object behind.
    private readonly Stack<NodeStats> _spare = new();

    public IReadOnlyDictionary<HtmlNode, NodeStats> Stats => _stats;

    /// <summary>Lets go of the page's elements once their stats are read (as <see cref="ClassHintCache.Forget"/>).</summary>
    public void Forget()
    {
        _stats.Clear();
        _lastTable = null;
    }

    public NodeStats Analyze(HtmlNode root)
    {
        var stats = Visit(root, NodeTraits.Verdict(root, hints), depth: 0, inLink: false, inSpoiler: false, isRoot: true) ?? new NodeStats();
        foreach (var node in _removals)
        {
            node.Remove();
        }

        ResolveDeferred(root, stats);
        _removals.Clear();
        return stats;
    }

    /// <summary>
    /// Broad tokens ("header", "widget") also land on wrappers that hold the whole page. Such an element with real prose in
    /// it is dropped only if it holds less than half of the page's text; otherwise it is the article's wrapper. Unless the
    /// page marks its article elsewhere (article, main, entry-content with a paragraph in it): then a sidebar that outweighs
    /// a short post is still a sidebar. Or unless the marked article around it has prose of its own besides it: then it is a
    /// module the article embeds (a news story's 50-slide gallery of other stories' captions), however long.
    /// </summary>
    private void ResolveDeferred(HtmlNode root, NodeStats rootStats)
    {
        foreach (var (node, s) in _deferred)
        {
            if (!IsAttached(node, root)
                || ((s.TextLength - s.LinkLength) * 2 >= rootStats.TextLength - rootStats.LinkLength && !MarkedElsewhere(node, root)
                    && !MarkedAround(node, s, root)))
            {
                continue;
            }

            var level = 0;
            for (var ancestor = node.ParentNode; ancestor is not null; ancestor = ancestor.ParentNode)
            {
                level++;
                if (_stats.TryGetValue(ancestor, out var a))
                {
                    a.TextLength -= s.TextLength;
                    a.LinkLength -= s.LinkLength;
                    a.Commas -= s.Commas;
                    a.Paragraphs -= s.Paragraphs;
                    a.ProseText -= s.ProseText;
                    a.Down1 -= level == 1 ? s.Own : 0;
                    a.Down2 -= level == 1 ? s.Down1 : level == 2 ? s.Own : 0;
                    a.Down3 -= level == 1 ? s.Down2 : level == 2 ? s.Down1 : level == 3 ? s.Own : 0;
                }

                if (ancestor == root)
                {
                    break;
                }
            }

            node.Remove();
        }

        _deferred.Clear();
        _marked.Clear();
    }

    /// <summary>A marked article container with a paragraph of its own exists that neither wraps nor sits in <paramref name="node"/>.</summary>
    private bool MarkedElsewhere(HtmlNode node, HtmlNode root)
    {
        foreach (var (marked, s) in _marked)
        {
            if (s.Paragraphs > 0 && IsAttached(marked, root) && !IsAttached(node, marked) && !IsAttached(marked, node))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A marked article container around <paramref name="node"/> holds, besides it, the prose a wrapper of an article
    /// needs (<see cref="MayWrapArticle"/>'s three paragraphs and 500 characters).
    /// </summary>
    private bool MarkedAround(HtmlNode node, NodeStats s, HtmlNode root)
    {
        foreach (var (marked, m) in _marked)
        {
            if (marked != node && IsAttached(marked, root) && IsAttached(node, marked)
                && m.Paragraphs - s.Paragraphs >= WrapperParagraphs && m.ProseText - s.ProseText >= WrapperProse)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>False for nodes inside a subtree that was removed after it was scored.</summary>
    public static bool IsAttached(HtmlNode node, HtmlNode root)
    {
        for (var current = node; current is not null; current = current.ParentNode)
        {
            if (current == root)
            {
                return true;
            }
        }

        return false;
    }

    private NodeStats? Visit(HtmlNode node, ClassVerdict verdict, int depth, bool inLink, bool inSpoiler, bool isRoot = false)
    {
        if (depth > HtmlLoader.MaxDepth)
        {
            throw new ExtractionException($"nesting deeper than {HtmlLoader.MaxDepth} levels");
        }

        var name = node.Name;
        inSpoiler |= NodeTraits.IsSpoilerMarkup(node, verdict);
        var stats = _spare.TryPop(out var spare) ? spare.Reset() : new NodeStats();
        var paragraphCommas = 0;
        var cards = 0;
        var cardText = 0;
        // Every walk indexes child lists: HtmlNodeCollection's enumerator is boxed, an allocation and interface calls per element.
        var children = node.ChildNodes;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (child.NodeType == HtmlNodeType.Text)
            {
                var (chars, commas) = CountText(HtmlText.Raw((HtmlTextNode)child));
                stats.TextLength += chars;
                stats.Commas += commas;
                stats.InlineText += chars;
                paragraphCommas += commas;
                if (inLink)
                {
                    stats.LinkLength += chars;
                    stats.InlineLinks += chars;
                }

                continue;
            }

            if (child.NodeType != HtmlNodeType.Element)
            {
                continue;
            }

            var childName = child.Name;
            var dropped = HtmlNames.Dropped.Contains(childName);
            if (dropped && childName != "button")
            {
                _removals.Add(child);
                continue;
            }

            var childVerdict = NodeTraits.Verdict(child, hints);
            if (dropped && !NodeTraits.IsKeptControl(child, childVerdict))
            {
                _removals.Add(child);
                continue;
            }

            // Hidden text is not the page's, unless it is a spoiler the page hides until the reader asks (Goodreads'
            // spoilerContainer with display:none beside its "(view spoiler)" control): that is the review's own text.
            if (!inSpoiler && NodeTraits.IsHidden(childVerdict) && !NodeTraits.IsSpoilerMarkup(child, childVerdict))
            {
                _removals.Add(child);
                continue;
            }

            var c = Visit(child, childVerdict, depth + 1, inLink || childName == "a", inSpoiler);
            if (c is null)
            {
                _removals.Add(child);
                continue;
            }

            Fold(stats, c, childName, IsDataRowLevel(child, childName), ref paragraphCommas, ref cards, ref cardText);
            if (!c.Kept)
            {
                _spare.Push(c);
            }
        }

        var selfHint = name is "article" or "main" || verdict.Has(ClassSignal.ContentHint) || NodeTraits.IsArticleBody(verdict);
        if (!isRoot && !selfHint && !stats.HoldsContent && (lenient ? IsPageChrome(name) : IsDroppable(name, verdict, stats))
            && !NodeTraits.IsVerdictBox(node) && !NodeTraits.InRunningText(node, name))
        {
            if (!MayWrapArticle(name, verdict, stats))
            {
                _spare.Push(stats);
                return null;
            }

            Keep(stats);
            _deferred.Add((node, stats));
        }

        if (!lenient && !isRoot && !selfHint && !stats.HoldsContent && cards >= 3 && cardText * 3 >= stats.TextLength * 2)
        {
            // Teasers: three or more items that are each a title and a line or two with a link ("related stories", "more
            // from this site"). They go the way a boilerplate wrapper goes: out, unless they hold most of the page.
            Keep(stats);
            _deferred.Add((node, stats));
        }

        stats.HoldsContent |= selfHint;
        stats.Marked = selfHint;
        if (selfHint && !isRoot)
        {
            Keep(stats);
            _marked.Add((node, stats));
        }
        if (!HtmlNames.Inline.Contains(name))
        {
            Score(node, name, verdict, stats, paragraphCommas);
            Keep(stats);
            _stats[node] = stats;
        }

        return stats;
    }

    private static void Keep(NodeStats stats) => stats.Kept = true;

    /// <summary>Adds a child's figures to its parent's.</summary>
    private static void Fold(NodeStats stats, NodeStats c, string childName, bool rowLevel, ref int paragraphCommas, ref int cards, ref int cardText)
    {
        stats.TextLength += c.TextLength;
        stats.LinkLength += c.LinkLength;
        stats.Commas += c.Commas;
        stats.Paragraphs += c.Paragraphs;
        stats.ProseText += c.ProseText;
        stats.HoldsContent |= c.HoldsContent;
        stats.Titled |= c.Titled || (c.TextLength > 0 && (HtmlNames.IsHeading(childName) || (c.LinkLength == c.TextLength && !HtmlNames.Inline.Contains(childName))));
        if (IsCard(childName, c))
        {
            cards++;
            cardText += c.TextLength;
        }

        if (rowLevel)
        {
            // A data table's rows and row groups are not levels of the page's structure: its cells (a list of films with a
            // paragraph each) are the table's paragraphs, as a list's items are the list's. Scored a level down each, a
            // table of prose lost to the page's list of references (bench/README.md, Extraction).
            stats.Down1 += c.Down1;
            stats.Down2 += c.Down2;
            stats.Down3 += c.Down3;
        }
        else
        {
            stats.Down1 += c.Own;
            stats.Down2 += c.Down1;
            stats.Down3 += c.Down2;
        }
        if (HtmlNames.Inline.Contains(childName))
        {
            stats.InlineText += c.InlineText;
            stats.InlineLinks += c.InlineLinks;
            paragraphCommas += c.Commas;
        }
    }

    private HtmlNode? _lastTable;
    private bool _lastTableHoldsData;

    /// <summary>
    /// A row or row group of a data table: one with a caption, a head or header cells and no table inside it. A layout
    /// table (columns of a page laid out the old way) keeps its levels, so its sidebar cells weigh less than the column
    /// that holds the article.
    /// </summary>
    private bool IsDataRowLevel(HtmlNode child, string name)
    {
        if (name is not ("tr" or "tbody" or "thead" or "tfoot"))
        {
            return false;
        }

        var table = child.ParentNode;
        if (table is not null && table.Name is "tbody" or "thead" or "tfoot")
        {
            table = table.ParentNode;
        }

        if (table is null || table.Name != "table")
        {
            return false;
        }

        // The rows of a table come one after another: the verdict of the last table serves them all.
        if (table != _lastTable)
        {
            _lastTable = table;
            _lastTableHoldsData = HoldsData(table);
        }

        return _lastTableHoldsData;
    }

    private static bool HoldsData(HtmlNode table)
    {
        var headed = false;
        foreach (var node in table.Descendants())
        {
            if (node.NodeType != HtmlNodeType.Element)
            {
                continue;
            }

            if (node.Name == "table")
            {
                return false;
            }

            headed |= node.Name is "caption" or "thead" or "th";
        }

        return headed;
    }

    private static bool IsDroppable(string name, ClassVerdict verdict, NodeStats stats)
    {
        if (name is "body" or "html")
        {
            return false;
        }

        if (name == "form")
        {
            // ASP.NET pages wrap the whole page in one form; a form with several real paragraphs is not a comment box.
            return stats.Paragraphs < 3;
        }

        if (HtmlNames.Furniture.Contains(name))
        {
            return true;
        }

        return verdict.Has(ClassSignal.CommentRelated) || (verdict.Has(ClassSignal.Boilerplate) && !HtmlNames.IsHeading(name));
    }

    /// <summary>A teaser: a title (a heading, or a block that is all link) and a short text, with a link somewhere.</summary>
    /// <remarks>A section is a part of its document and a table row a record, whatever they hold: neither is a teaser.</remarks>
    private static bool IsCard(string name, NodeStats c) =>
        c.Titled && c.LinkLength > 0 && c.TextLength is > 0 and <= CardMaxText && name is not ("section" or "tr" or "tbody" or "thead");

    private const int CardMaxText = 400;

    private static bool IsPageChrome(string name) => name is "nav" or "menu" or "header" or "footer" or "aside";

    private static bool MayWrapArticle(string name, ClassVerdict verdict, NodeStats stats) =>
        name is not ("nav" or "menu") && !verdict.Has(ClassSignal.CommentRelated)
        && stats.Paragraphs >= WrapperParagraphs && stats.TextLength - stats.LinkLength >= WrapperProse && stats.LinkDensity < 0.35;

    // The prose that makes an element a wrapper of an article: read by MayWrapArticle and MarkedAround.
    private const int WrapperParagraphs = 3;
    private const int WrapperProse = 500;

    private static void Score(HtmlNode node, string name, ClassVerdict verdict, NodeStats stats, int paragraphCommas)
    {
        var paragraphLike = name is "p" or "pre" or "td" or "dd" or "blockquote" || stats.InlineText >= 25;
        if (paragraphLike && stats.InlineText >= 25)
        {
            stats.Paragraphs++;
            stats.ProseText += stats.InlineText - stats.InlineLinks;
            stats.Own = 1 + paragraphCommas + Math.Min(stats.InlineText / 100.0, 3);
        }

        stats.Weight = TagWeight(name) + verdict.Weight;
        if (name == "article")
        {
            stats.Weight += 15;
        }
        else if (name == "main")
        {
            stats.Weight += 10;
        }

        if (NodeTraits.IsArticleBody(verdict))
        {
            stats.Weight += 50;
        }
    }

    private static double TagWeight(string name) => name switch
    {
        "div" or "article" or "section" or "main" => 5,
        "pre" or "td" or "blockquote" => 3,
        "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
        "th" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => -5,
        _ => 0,
    };

    /// <summary>Non-whitespace characters and commas in raw text; entities count as written, close enough for scoring.</summary>
    private static (int Chars, int Commas) CountText(ReadOnlySpan<char> text)
    {
        var chars = 0;
        var commas = 0;
        foreach (var c in text)
        {
            if (c == ',' || c == '\uFF0C' || c == '\u3001')
            {
                commas++;
            }

            if (!char.IsWhiteSpace(c))
            {
                chars++;
            }
        }

        return (chars, commas);
    }
}
