using HtmlAgilityPack;

namespace NeverLetMeGo.Core.Extraction.Metadata;

/// <summary>Collects <see cref="PageSignals"/> in one recursive walk; visible hints inside comments, sidebars and navigation are ignored.</summary>
internal static class PageScanner
{
    public static PageSignals Scan(HtmlDocument document, ClassHintCache hints)
    {
        var signals = new PageSignals();
        if (document.DocumentNode.ChildNodes.FirstOrDefault(n => n.NodeType == HtmlNodeType.Element && n.Name == "html") is { HasAttributes: true } root)
        {
            signals.RootLanguage = root.GetAttributeValue("lang", null) ?? root.GetAttributeValue("xml:lang", null);
        }

        Walk(document.DocumentNode, signals, hints, new WalkState(Excluded: false, InAuthor: false, InPost: false), depth: 0);
        return signals;
    }

    // InPost: inside the post itself (article, .hentry, .post), whose own footer carries its byline and timestamp.
    private readonly record struct WalkState(bool Excluded, bool InAuthor, bool InPost);

    private static void Walk(HtmlNode node, PageSignals signals, ClassHintCache hints, WalkState state, int depth)
    {
        if (depth > HtmlLoader.MaxDepth)
        {
            throw new ExtractionException($"nesting deeper than {HtmlLoader.MaxDepth} levels");
        }

        var children = node.ChildNodes;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (child.NodeType != HtmlNodeType.Element)
            {
                continue;
            }

            switch (child.Name)
            {
                case "script":
                    if (child.GetAttributeValue("type", string.Empty).Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                    {
                        signals.JsonLd.Add(child.InnerHtml);
                    }

                    continue;
                case "style" or "noscript" or "template" or "svg" or "iframe":
                    continue;
                case "meta":
                    ReadMeta(child, signals);
                    continue;
                case "link":
                    if (signals.Canonical is null && NodeTraits.HasToken(child.GetAttributeValue("rel", string.Empty), "canonical"))
                    {
                        signals.Canonical = child.GetAttributeValue("href", null);
                    }

                    continue;
                case "title":
                    // Not HtmlText.Of: <title> is among the elements whose text never renders in the body.
                    signals.DocumentTitle ??= TextBuffer.Normalize(HtmlEntity.DeEntitize(child.InnerText)) is { Length: > 0 } title ? title : null;
                    continue;
            }

            var verdict = NodeTraits.Verdict(child, hints);
            var inPost = state.InPost || child.Name == "article" || verdict.Has(ClassSignal.PostEntry);
            var childExcluded = state.Excluded || child.Name is "aside" or "nav" || verdict.Has(ClassSignal.CommentRelated)
                || (verdict.Has(ClassSignal.Boilerplate) && verdict.Has(ClassSignal.SidebarLike) && !inPost);
            if (!childExcluded)
            {
                Collect(child, verdict, signals, state.InAuthor);
            }

            Walk(child, signals, hints, new WalkState(childExcluded, state.InAuthor || verdict.Has(ClassSignal.AuthorBlock), inPost), depth + 1);
        }
    }

    // itemprop, rel and the fn class come with the element's verdict, read once per element (ClassHintCache).
    private static void Collect(HtmlNode node, ClassVerdict verdict, PageSignals signals, bool inAuthor)
    {
        if (node.Name == "h1" || verdict.Has(ClassSignal.Headline | ClassSignal.ItempropHeadline))
        {
            signals.Headlines.Add(node);
        }

        if (verdict.Has(ClassSignal.RelAuthor | ClassSignal.Byline | ClassSignal.ItempropAuthor) || (inAuthor && verdict.Has(ClassSignal.CommentFn)))
        {
            signals.Bylines.Add(node);
        }

        if (node.Name == "time" || verdict.Has(ClassSignal.DateLike | ClassSignal.ItempropDatePublished))
        {
            signals.Dates.Add(node);
        }
    }

    private static void ReadMeta(HtmlNode meta, PageSignals signals)
    {
        var key = meta.GetAttributeValue("property", null) ?? meta.GetAttributeValue("name", null) ?? meta.GetAttributeValue("itemprop", null)
            ?? meta.GetAttributeValue("http-equiv", null);
        var content = meta.GetAttributeValue("content", null);
        if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(content))
        {
            return;
        }

        signals.Meta.TryAdd(key.Trim().ToLowerInvariant(), TextBuffer.Normalize(HtmlEntity.DeEntitize(content)));
    }
}
