using HtmlAgilityPack;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Extraction;

/// <summary>
/// Finds the article in a cleaned page: the best-scoring container plus the siblings that read like its continuation,
/// then cuts it into blocks. Hints such as &lt;article&gt; and entry-content only add weight; pages without them still work.
/// </summary>
internal static class ArticleExtractor
{
    /// <summary>The article's blocks; <paramref name="mode"/> says whether a container scored as the article or the page's best text region was taken.</summary>
    public static ExtractedText Extract(HtmlNode body, ClassHintCache hints, out ExtractionMode mode) => Extract(body, hints, out mode, out _);

    /// <summary>As above; <paramref name="badge"/>: a spoiler warning the page shows in the article's header, outside its text (<see cref="SpoilerBadge"/>).</summary>
    public static ExtractedText Extract(HtmlNode body, ClassHintCache hints, out ExtractionMode mode, out string? badge)
    {
        mode = ExtractionMode.Article;
        badge = null;
        var analyzer = new ContentAnalyzer(hints);
        try
        {
            return Extract(body, hints, analyzer, ref mode, ref badge);
        }
        finally
        {
            analyzer.Forget();
        }
    }

    private static ExtractedText Extract(HtmlNode body, ClassHintCache hints, ContentAnalyzer analyzer, ref ExtractionMode mode, ref string? badge)
    {
        // Before the scoring pass: it removes the headers such a warning sits in.
        var badges = SpoilerBadge.Collect(body, hints);
        var bodyStats = analyzer.Analyze(body);
        if (bodyStats.TextLength == 0)
        {
            return ExtractedText.Empty;
        }

        var roots = ChooseRoots(body, analyzer.Stats);
        if (roots is null)
        {
            mode = ExtractionMode.Fallback;
            roots = [FallbackText.Region(body, analyzer.Stats)];
        }
        else
        {
            badge = SpoilerBadge.Find(badges, roots, body);
        }

        var text = new BlockEmitter(hints, analyzer.Stats).Emit(roots);
        if (text.Blocks.Count == 0 && roots.Count > 0 && roots[0] != body)
        {
            text = new BlockEmitter(hints, analyzer.Stats).Emit([body]);
        }

        return text;
    }

    /// <summary>The best-scoring container and the siblings that continue it; null when no container holds a scored paragraph.</summary>
    internal static List<HtmlNode>? ChooseRoots(HtmlNode body, IReadOnlyDictionary<HtmlNode, NodeStats> stats)
    {
        HtmlNode? top = null;
        NodeStats? topStats = null;
        List<(HtmlNode Node, NodeStats Stats)>? marked = null;
        foreach (var (node, s) in stats)
        {
            if (s.Marked && s.ProseText > 0)
            {
                (marked ??= []).Add((node, s));
            }

            if (s.Down1 + s.Down2 + s.Down3 <= 0)
            {
                continue;
            }

            if ((topStats is null || s.FinalScore > topStats.FinalScore) && ContentAnalyzer.IsAttached(node, body))
            {
                top = node;
                topStats = s;
            }
        }

        if (top is null || topStats is null)
        {
            return null;
        }

        var topScore = topStats.FinalScore;
        (top, topStats) = Widen(top, topStats, body, stats, out var joinedParts);
        if (!joinedParts)
        {
            // Parts joined are the article whole: narrowing back to the part marked as the story's body would undo it.
            (top, topStats) = Narrow(top, topStats, body, marked);
        }

        if (top.ParentNode is null || top == body)
        {
            return [top];
        }

        var threshold = Math.Max(10, Math.Max(topScore, topStats.FinalScore) * 0.2);
        var topClass = NodeTraits.Classes(top);
        var inPost = top.AncestorsAndSelf("article").Any();
        var roots = new List<HtmlNode>();
        foreach (var sibling in top.ParentNode.ChildNodes)
        {
            if (sibling == top)
            {
                roots.Add(sibling);
                continue;
            }

            // The review's verdict box beside its body: short, so it never scores, but the reviewer's own summing-up.
            if (NodeTraits.IsVerdictBox(sibling))
            {
                roots.Add(sibling);
                continue;
            }

            if (sibling.NodeType != HtmlNodeType.Element || !stats.TryGetValue(sibling, out var s) || s.TextLength == 0)
            {
                continue;
            }

            // Another post beside this one (the next article an endless page appends) continues nothing.
            if (sibling.Name == "article" && inPost)
            {
                continue;
            }

            var bonus = topClass.Length > 0 && NodeTraits.Classes(sibling) == topClass ? topStats.FinalScore * 0.2 : 0;
            if (s.FinalScore + bonus >= threshold || ReadsLikeProse(sibling, s))
            {
                roots.Add(sibling);
            }
        }

        return roots;
    }

    /// <summary>
    /// An article printed in parts (sections, body blocks between figures and ads) is scored part by part, and the part
    /// that wins holds only some of its prose. An ancestor replaces it when it holds half as much prose again and what it
    /// adds reads like the rest of an article: mostly paragraphs and few links, unlike a column of teasers or links. A post
    /// of a line or two is not a part: half as much again of almost nothing is any neighbour.
    /// </summary>
    private static (HtmlNode Top, NodeStats Stats) Widen(HtmlNode top, NodeStats topStats, HtmlNode body, IReadOnlyDictionary<HtmlNode, NodeStats> stats, out bool joinedParts)
    {
        joinedParts = false;
        if (topStats.ProseText < WidenMinProse)
        {
            return (top, topStats);
        }

        // The post the winner belongs to: an ancestor that also holds another post (the next article an endless page
        // appends, a list of full posts) is a page of posts, not more of this one.
        var post = top.AncestorsAndSelf("article").FirstOrDefault();
        if (post is not null && !body.Descendants("article").Skip(1).Any())
        {
            post = null; // The page's only post: nothing to tell it from.
        }

        var path = top;
        for (var ancestor = top.ParentNode; ancestor is not null && top != body; path = ancestor, ancestor = ancestor.ParentNode)
        {
            if (post is not null && !ContentAnalyzer.IsAttached(ancestor, post) && HoldsAnotherPost(ancestor, post))
            {
                break;
            }

            var parts = false;
            if (stats.TryGetValue(ancestor, out var s)
                && (s.ProseText >= topStats.ProseText * WidenGain
                    || (parts = s.ProseText >= topStats.ProseText * WidenPartsGain && HoldsAnotherPart(ancestor, path, stats))))
            {
                var addedText = s.TextLength - topStats.TextLength;
                var addedLinks = s.LinkLength - topStats.LinkLength;
                var addedProse = s.ProseText - topStats.ProseText;
                if (addedLinks > addedText * WidenMaxLinkShare || addedProse < addedText * WidenMinProseShare)
                {
                    // The wrapper brings its own links (a headline's share buttons, a byline's profile links): the part
                    // the article came from is the top, and its sister parts join it as the siblings that continue it.
                    if (parts && stats.TryGetValue(path, out var part))
                    {
                        (top, topStats) = (path, part);
                        joinedParts = true;
                    }

                    break;
                }

                top = ancestor;
                topStats = s;
                joinedParts |= parts;
            }

            if (ancestor == body)
            {
                break;
            }
        }

        return (top, topStats);
    }

    /// <summary>Another child of <paramref name="ancestor"/> with the tag and classes of <paramref name="part"/> holds prose.</summary>
    private static bool HoldsAnotherPart(HtmlNode ancestor, HtmlNode part, IReadOnlyDictionary<HtmlNode, NodeStats> stats)
    {
        var classes = NodeTraits.Classes(part);
        if (classes.Length == 0)
        {
            return false;
        }

        foreach (var child in ancestor.ChildNodes)
        {
            if (child != part && child.Name == part.Name && stats.TryGetValue(child, out var s) && s.ProseText > 0
                && NodeTraits.Classes(child) == classes)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HoldsAnotherPost(HtmlNode ancestor, HtmlNode post) =>
        ancestor.Descendants("article").Any(other => !ContentAnalyzer.IsAttached(other, post) && !ContentAnalyzer.IsAttached(post, other));

    /// <summary>
    /// Class weights ("content" on every column) can make a page's wrapper outscore the article it holds, and the wrapper
    /// brings the sidebar along. When the page marks an article (article, main, entry-content, itemprop=articleBody) inside
    /// the winner and that article holds most of the winner's prose, the article is the container.
    /// </summary>
    private static (HtmlNode Top, NodeStats Stats) Narrow(HtmlNode top, NodeStats topStats, HtmlNode body, List<(HtmlNode Node, NodeStats Stats)>? marked)
    {
        if (marked is null)
        {
            return (top, topStats);
        }

        var best = (Top: top, Stats: topStats);
        foreach (var (node, s) in marked)
        {
            if (node != top && s.ProseText >= topStats.ProseText * NarrowShare && topStats.TextLength - s.TextLength >= topStats.TextLength * NarrowOutside && s.ProseText > (best.Top == top ? 0 : best.Stats.ProseText)
                && ContentAnalyzer.IsAttached(node, top) && ContentAnalyzer.IsAttached(node, body))
            {
                best = (node, s);
            }
        }

        return best;
    }

    private const double NarrowShare = 0.5;

    // Only when the wrapper adds real text of its own: a wrapper that adds a heading or a dateline is the article's own.
    private const double NarrowOutside = 0.25;

    private const int WidenMinProse = 200;
    private const double WidenGain = 1.5;

    // An article printed in parts whose parts share their markup (a post's sections, each its own div of one class) widens
    // with less: the parts are the article's, whatever their share.
    private const double WidenPartsGain = 1.2;
    private const double WidenMaxLinkShare = 0.15;
    private const double WidenMinProseShare = 0.5;

    private static bool ReadsLikeProse(HtmlNode node, NodeStats s)
    {
        if (node.Name != "p" && s.InlineText < s.TextLength)
        {
            return false;
        }

        if (s.TextLength > 80)
        {
            return s.LinkDensity < 0.25;
        }

        if (s.LinkDensity > 0)
        {
            return false;
        }

        var text = node.InnerText.TrimEnd();
        return text.Length > 0 && text[^1] is '.' or '!' or '?' or '"' or '\u201D';
    }

    /// <summary>The body element (broken pages nest it in odd places), or the document itself for fragments without one.</summary>
    public static HtmlNode FindBody(HtmlDocument document)
    {
        var level = new List<HtmlNode> { document.DocumentNode };
        for (var depth = 0; depth < 4 && level.Count > 0; depth++)
        {
            var next = new List<HtmlNode>();
            foreach (var node in level)
            {
                foreach (var child in node.ChildNodes)
                {
                    if (child.NodeType != HtmlNodeType.Element)
                    {
                        continue;
                    }

                    if (child.Name == "body")
                    {
                        return child;
                    }

                    next.Add(child);
                }
            }

            level = next;
        }

        return document.DocumentNode;
    }
}
