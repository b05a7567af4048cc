using HtmlAgilityPack;
using NeverLetMeGo.Core.Spoilers;

namespace NeverLetMeGo.Core.Extraction;

/// <summary>
/// A spoiler warning the page shows beside the article rather than in it: a film database's user review puts "Warning:
/// Spoilers" in the review's header, next to its title and rating, outside the container the extractor reads. Found, it
/// becomes the article's first block, so the tagger reads the article as warned from its start by its usual rules.
/// Only a short element whose whole text is a warning counts, and only in the article's own header: before its text,
/// at most a few levels above its container, with little text between (a title, a rating, a byline), outside links,
/// navigation, sidebars, comments, other articles and lists of repeated items (teasers of other reviews).
/// </summary>
internal static class SpoilerBadge
{
    private const int MaxBadgeChars = 40;
    private const int MaxHeaderChars = 300;
    private const int MaxLevels = 3;

    /// <summary>A warning found before the scoring pass, with where it sat then: the pass removes headers it finds.</summary>
    internal sealed record Candidate(HtmlNode Node, string Text, HtmlNode[] Ancestors, HtmlNode? RepeatedItem, HtmlNode? Article);

    /// <summary>Warnings the page shows as short elements; none on a page that never says "spoil" (most pages).</summary>
    public static List<Candidate> Collect(HtmlNode body, ClassHintCache hints)
    {
        var found = new List<Candidate>();
        if (body.OwnerDocument?.Text is not { } html || !html.AsSpan().ContainsAny(WarningPatterns.Spoil))
        {
            return found;
        }

        foreach (var element in HtmlText.Elements(body, node => Pruned(node, hints)))
        {
            if (!NodeTraits.OwnTextSaysSpoil(element))
            {
                continue;
            }

            var badge = element;
            var text = HtmlText.Of(element);
            // Up through inline markup ("Contains <b>spoilers</b>"), never into the header around it.
            for (var parent = badge.ParentNode; parent is not null && parent.Name != "a" && HtmlNames.Inline.Contains(parent.Name); parent = parent.ParentNode)
            {
                var outer = HtmlText.Of(parent);
                if (outer.Length > MaxBadgeChars || WarningPatterns.Classify(outer) is null)
                {
                    break;
                }

                (badge, text) = (parent, outer);
            }

            if (text.Length <= MaxBadgeChars && WarningPatterns.Classify(text) is not null && !found.Exists(c => c.Node == badge))
            {
                found.Add(Describe(badge, text, body));
            }
        }

        return found;
    }

    /// <summary>The warning in the header of the article read from <paramref name="roots"/>, if there is one.</summary>
    public static string? Find(List<Candidate> candidates, IReadOnlyList<HtmlNode> roots, HtmlNode body)
    {
        if (candidates.Count == 0 || roots.Count == 0 || FirstText(roots[0]) is not { } articleStart)
        {
            return null;
        }

        var top = roots[0];
        var html = top.OwnerDocument.Text;
        foreach (var candidate in candidates)
        {
            var shared = Array.FindIndex(candidate.Ancestors, a => a == top || ContentAnalyzer.IsAttached(top, a));
            if (shared < 0 || candidate.Ancestors[shared] == body || Level(top, candidate.Ancestors[shared]) > MaxLevels
                || candidate.Node.OuterStartIndex >= articleStart.OuterStartIndex
                || roots.Any(r => ContentAnalyzer.IsAttached(candidate.Node, r)))
            {
                continue;
            }

            // What repeats, or another article, is a teaser unless the article itself is in it.
            if (candidate.RepeatedItem is { } item && !ContentAnalyzer.IsAttached(top, item)
                || candidate.Article is { } article && !ContentAnalyzer.IsAttached(top, article))
            {
                continue;
            }

            if (TextBetween(html, candidate.Node.OuterStartIndex, articleStart.OuterStartIndex) - candidate.Text.Length <= MaxHeaderChars)
            {
                return candidate.Text;
            }
        }

        return null;
    }

    /// <summary>The article with the warning as its first block (unless it already opens with it).</summary>
    public static ExtractedText Lead(ExtractedText article, string badge) =>
        article.Blocks.Count > 0 && article.Blocks[0].Text == badge ? article
        : new ExtractedText([new SourceBlock(Model.BlockKind.Paragraph, badge), .. article.Blocks], article.JumpBreak + 1);

    private static bool Pruned(HtmlNode node, ClassHintCache hints)
    {
        if (node.Name is "a" or "nav" or "aside" or "menu" or "footer" or "form")
        {
            return true;
        }

        var verdict = NodeTraits.Verdict(node, hints);
        return NodeTraits.IsHidden(verdict) || NodeTraits.IsSpoilerMarkup(node, verdict)
            || verdict.Has(ClassSignal.SidebarLike | ClassSignal.CommentRelated | ClassSignal.CommentArea);
    }

    private static Candidate Describe(HtmlNode badge, string text, HtmlNode body)
    {
        var ancestors = new List<HtmlNode>();
        HtmlNode? repeated = null;
        HtmlNode? article = null;
        for (var node = badge.ParentNode; node is not null; node = node.ParentNode)
        {
            ancestors.Add(node);
            if (node == body)
            {
                break;
            }

            article ??= node.Name == "article" ? node : null;
        }

        for (var node = badge; node != body && node.ParentNode is { } parent; node = parent)
        {
            if (repeated is null && Repeats(node, parent))
            {
                repeated = node;
            }
        }

        return new Candidate(badge, text, ancestors.ToArray(), repeated, article);
    }

    // An item of a list of like items: two or more siblings with its name and class (teaser cards, list items).
    private static bool Repeats(HtmlNode node, HtmlNode parent)
    {
        var classes = NodeTraits.Classes(node);
        var alike = 0;
        foreach (var sibling in parent.ChildNodes)
        {
            if (sibling != node && sibling.NodeType == HtmlNodeType.Element && sibling.Name == node.Name && NodeTraits.Classes(sibling) == classes && ++alike >= 2)
            {
                return true;
            }
        }

        return false;
    }

    private static int Level(HtmlNode top, HtmlNode ancestor)
    {
        var level = 0;
        for (var node = top; node is not null && node != ancestor; node = node.ParentNode)
        {
            level++;
        }

        return level;
    }

    // The article's first text as the reader meets it, in what the scoring pass left of the container.
    private static HtmlNode? FirstText(HtmlNode top)
    {
        foreach (var node in top.DescendantsAndSelf())
        {
            if (node.NodeType == HtmlNodeType.Text && !HtmlText.Raw((HtmlTextNode)node).IsWhiteSpace())
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>Letters and digits of the page source between two positions, outside tags, comments, scripts and styles.</summary>
    private static int TextBetween(string html, int start, int end)
    {
        var count = 0;
        end = Math.Min(end, html.Length);
        for (var i = start; i < end; i++)
        {
            if (html[i] != '<')
            {
                count += char.IsLetterOrDigit(html[i]) ? 1 : 0;
                continue;
            }

            var closer = string.CompareOrdinal(html, i + 1, "!--", 0, 3) == 0 ? "-->" : ">";
            foreach (var name in NonText)
            {
                if (html.AsSpan(i + 1).StartsWith(name, StringComparison.OrdinalIgnoreCase))
                {
                    closer = "</" + name;
                }
            }

            var at = html.IndexOf(closer, i + 1, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                break;
            }

            i = closer == ">" ? at : html.IndexOf('>', at) is var gt and >= 0 ? gt : html.Length;
        }

        return count;
    }

    private static readonly string[] NonText = ["script", "style", "noscript", "template", "svg"];
}
