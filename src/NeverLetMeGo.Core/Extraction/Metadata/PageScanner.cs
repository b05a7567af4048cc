using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace NeverLetMeGo.Core.Extraction.Metadata;

/// <summary>
/// Collects <see cref="PageSignals"/> as <see cref="PageWalk"/> goes over the page; visible hints inside comments, sidebars
/// and navigation are ignored.
/// </summary>
internal static partial class PageScanner
{
    // The reviewer's rating sits at the review's head; later ones belong to other reviews on the same page.
    private const int MaxRatings = 8;

    // A post's "Posted on …" line is near its top; later ones date other posts on the page.
    private const int MaxPostedLines = 8;

    /// <summary>The metadata scan alone, in a walk of its own (the pipeline walks once for this and the comment finder).</summary>
    public static PageSignals Scan(HtmlDocument document, ClassHintCache hints) => PageWalk.Run(document, hints, comments: null, body: null);

    /// <summary>The signals of one page, with what its root element says.</summary>
    public static PageSignals Begin(HtmlDocument document)
    {
        var signals = new PageSignals();
        if (document.DocumentNode.ChildNodes.FirstOrDefault(n => n.NodeType == HtmlNodeType.Element && n.Name == "html") is { HasAttributes: true } root)
        {
            signals.RootLanguage = root.GetAttributeValue("lang", null) ?? root.GetAttributeValue("xml:lang", null);
        }

        return signals;
    }

    /// <summary>Where the walk stands for the metadata scan.</summary>
    /// <param name="Excluded">Inside comments, a sidebar or navigation: visible hints here are not the page's.</param>
    /// <param name="InAuthor">Inside an author block, whose .fn is the author's name.</param>
    /// <param name="InPost">Inside the post itself (article, .hentry, .post), whose own footer carries its byline and timestamp.</param>
    /// <param name="NotOwnRating">Inside an average of many ratings or a widget readers rate with: no part of it is the reviewer's rating.</param>
    internal readonly record struct WalkState(bool Excluded, bool InAuthor, bool InPost, bool NotOwnRating = false);

    /// <summary>
    /// Reads an element whose content is never walked (script, style, meta, link, title and the like); false for any other,
    /// which the walk then judges with <see cref="Enter"/>. Every element this takes is among <see cref="HtmlNames.Dropped"/>.
    /// </summary>
    public static bool ReadLeaf(HtmlNode child, PageSignals signals, WalkState state)
    {
        switch (child.Name)
        {
            case "script":
                if (child.GetAttributeValue("type", string.Empty).Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                {
                    signals.JsonLd.Add(child.InnerHtml);
                }

                return true;
            case "style" or "noscript" or "template" or "svg" or "iframe":
                return true;
            case "meta":
                ReadMeta(child, signals, state);
                return true;
            case "link":
                if (signals.Canonical is null && child.HasAttributes && child.Attributes["rel"] is { } rel && NodeTraits.HasToken(NodeTraits.ValueOf(rel), "canonical"))
                {
                    // An href is HTML, its entities decoded ("?t=7&amp;page=2" is "?t=7&page=2"), as meta content is.
                    signals.Canonical = child.GetAttributeValue("href", null) is { } href ? CharacterReferences.Decode(href) : null;
                }

                return true;
            case "title":
                // Not HtmlText.Of: <title> is among the elements whose text never renders in the body.
                signals.DocumentTitle ??= TextBuffer.Normalize(CharacterReferences.Decode(child.InnerText)) is { Length: > 0 } title ? title : null;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Collects what <paramref name="child"/> says, under a parent walked with <paramref name="state"/>; returns the state for its children.</summary>
    public static WalkState Enter(HtmlNode child, ClassVerdict verdict, PageSignals signals, WalkState state)
    {
        var inPost = state.InPost || child.Name == "article" || verdict.Has(ClassSignal.PostEntry);
        var childExcluded = state.Excluded || child.Name is "nav" || child.Name is "aside" && !(inPost && NodeTraits.IsVerdictBox(child)) || verdict.Has(ClassSignal.CommentRelated)
            || (verdict.Has(ClassSignal.Boilerplate) && verdict.Has(ClassSignal.SidebarLike) && !inPost && !IsBloggerPosts(child));
        // A rating widget readers vote with (rating-widget, rate-this, post-ratings) is boilerplate; its stars are buttons.
        var notOwnRating = state.NotOwnRating || verdict.Has(ClassSignal.AggregateRating)
            || (verdict.Has(ClassSignal.RatingLike) && verdict.Has(ClassSignal.Boilerplate));
        if (!childExcluded)
        {
            Collect(child, verdict, signals, state.InAuthor);
            if (!notOwnRating && verdict.Has(ClassSignal.RatingLike) && !HtmlNames.Dropped.Contains(child.Name) && signals.Ratings.Count < MaxRatings)
            {
                signals.Ratings.Add(child);
            }
            else if (!notOwnRating && signals.LabelledRatings.Count < MaxRatings && LabelsRating(child))
            {
                signals.LabelledRatings.Add(child);
            }
        }

        return new WalkState(childExcluded, state.InAuthor || verdict.Has(ClassSignal.AuthorBlock), inPost, notOwnRating);
    }

    /// <summary>
    /// Blogger's posts are a widget like its sidebar's (`&lt;div class="widget Blog" id="Blog1"&gt;`): read as a sidebar, every
    /// Blogger post lost its date header, its post title and its "Posted by" line.
    /// </summary>
    private static bool IsBloggerPosts(HtmlNode node)
        => node.GetAttributeValue("id", null) is { } id && id.StartsWith("Blog", StringComparison.Ordinal) && NodeTraits.Classes(node).Contains(" Blog", StringComparison.Ordinal);

    // itemprop, rel and the fn class come with the element's verdict, read once per element (ClassHintCache).
    private static void Collect(HtmlNode node, ClassVerdict verdict, PageSignals signals, bool inAuthor)
    {
        if (node.Name == "h1" || verdict.Has(ClassSignal.Headline | ClassSignal.ItempropHeadline))
        {
            signals.Headlines.Add(node);
        }
        else if (node.Name == "h2" && signals.DocumentTitle is { } title && MetadataResolver.RepeatsTitle(title, HtmlText.Of(node)))
        {
            // An h2 the <title> repeats whole is the post's headline on pages whose h1 names the section ("Allergies
            // Health Center" above "Babies Who Eat Peanuts Early May Avoid Allergy"); an h2 that is only part of the
            // title ("Reviews") is not.
            signals.Headlines.Add(node);
        }

        if (verdict.Has(ClassSignal.RelAuthor | ClassSignal.Byline | ClassSignal.ItempropAuthor) || (inAuthor && verdict.Has(ClassSignal.CommentFn)))
        {
            signals.Bylines.Add(node);
        }
        else if (LabelsName(node) || IsTextLine(node, verdict.Has(ClassSignal.AuthorBlock) ? AuthorBlockLine() : PostedByLine()))
        {
            signals.LabelledBylines.Add(node);
        }

        if (signals.PostedLines.Count < MaxPostedLines && node.FirstChild is HtmlTextNode { OriginalOuterLength: <= 120 } line
            && PostedLine().IsMatch(HtmlText.Raw(line)))
        {
            signals.PostedLines.Add(HtmlText.Raw(line).ToString());
        }

        if (node.Name == "time" || verdict.Has(ClassSignal.DateLike | ClassSignal.ItempropDatePublished))
        {
            signals.Dates.Add(node);
        }
    }

    /// <summary>
    /// "Reviewed by &lt;a&gt;name&lt;/a&gt; on …", "By &lt;b&gt;name&lt;/b&gt;": a by-label right before an element, whatever
    /// the classes. Prose that starts with "By the end" has no element after its first words.
    /// </summary>
    private static bool LabelsName(HtmlNode node)
    {
        // The parsed length, not OuterLength, which builds the text to measure it (HtmlText.Raw).
        return node.FirstChild is HtmlTextNode { NextSibling.NodeType: HtmlNodeType.Element, OriginalOuterLength: <= 40 } label
            && ByLabel().IsMatch(HtmlText.Raw(label));
    }

    /// <summary>
    /// A rating the page prints as a labelled line in the review's header ("Note : 4,5/5", "&lt;b&gt;Verdict:&lt;/b&gt; 8/10"),
    /// outside the text the extractor reads and with no class that names it. Only a short element whose whole text is the
    /// label and a value counts: a sentence that mentions a rating is longer or starts otherwise.
    /// </summary>
    private static bool LabelsRating(HtmlNode node)
    {
        // Every element of the page is asked: the label must open its first text before any text is put together.
        if (node.ChildNodes.Count is 0 or > 4 || HtmlNames.Dropped.Contains(node.Name) || !RatingLabelWord().IsMatch(FirstText(node))
            || HtmlText.Exceeds(node, MaxLabelledRatingSize))
        {
            return false;
        }

        var text = HtmlText.Of(node);
        return text.Length <= 40 && RatingLabel().IsMatch(text);
    }

    private const int MaxLabelledRatingSize = 300;

    /// <summary>The first text of the subtree that is not only whitespace (its source, entities encoded); empty when none.</summary>
    private static ReadOnlySpan<char> FirstText(HtmlNode node)
    {
        for (var child = node.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child.NodeType == HtmlNodeType.Text)
            {
                var raw = HtmlText.Raw((HtmlTextNode)child);
                if (!raw.IsWhiteSpace())
                    return raw;
            }
            else if (child.NodeType == HtmlNodeType.Element && !HtmlNames.Dropped.Contains(child.Name) && FirstText(child) is { IsEmpty: false } inner)
            {
                return inner;
            }
        }

        return [];
    }

    [GeneratedRegex(@"^\s*(?:(?:my|our|final)\s+)?(?:rating|note|score|grade|verdict|nota|calificaci|puntuaci|valoraci|bewertung|wertung|voto)", RegexOptions.IgnoreCase)]
    private static partial Regex RatingLabelWord();

    [GeneratedRegex(@"^\s*(?:(?:my|our|final)\s+)?(?:rating|note|score|grade|verdict|nota|calificaci[oó]n|puntuaci[oó]n|valoraci[oó]n|bewertung|wertung|voto)\s*[:\-\u2013\u2014]\s*[\d\u2605\u2606*A-F]", RegexOptions.IgnoreCase)]
    private static partial Regex RatingLabel();

    /// <summary>
    /// An element whose only content is one short line of text that <paramref name="byline"/> reads as a byline. In an
    /// author element any by-label will do ("&lt;span class='post-author'&gt;Posted by tofu&lt;/span&gt;", Blogger's footer when
    /// the name links nowhere); in any other element only "Posted by" or "Written by", the line older templates print
    /// under a post ("&lt;i&gt;Posted by Michael Shedlock at 12:32 PM&lt;/i&gt;"), since a bare "By" starts prose ("By the end, …").
    /// </summary>
    private static bool IsTextLine(HtmlNode node, Regex byline)
        => node.FirstChild is HtmlTextNode { NextSibling: null, OriginalOuterLength: <= 100 } text && byline.IsMatch(HtmlText.Raw(text));

    [GeneratedRegex(@"^\s*(?:posted|written)\s+by:?\s+\S", RegexOptions.IgnoreCase)]
    private static partial Regex PostedByLine();

    // "Posted on September 18, 2012", "Published Tuesday, November 06, 2012", "Posted 9th August 2012": a line that starts
    // by saying when the post went up and holds a year. Which date it holds is DateParser's to read.
    [GeneratedRegex(@"^\s*(?:posted|published)\b[^\n]*\b(?:19|20)\d\d\b", RegexOptions.IgnoreCase)]
    private static partial Regex PostedLine();

    [GeneratedRegex(@"^\s*" + BylineLabel.By + @":?\s+\S", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorBlockLine();

    [GeneratedRegex(@"^\s*" + BylineLabel.By + @":?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ByLabel();

    private static void ReadMeta(HtmlNode meta, PageSignals signals, WalkState state)
    {
        var key = meta.GetAttributeValue("property", null) ?? meta.GetAttributeValue("name", null) ?? meta.GetAttributeValue("itemprop", null)
            ?? meta.GetAttributeValue("http-equiv", null);
        var content = meta.GetAttributeValue("content", null);
        if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(content))
        {
            return;
        }

        signals.Meta.TryAdd(key.Trim().ToLowerInvariant(), TextBuffer.Normalize(CharacterReferences.Decode(content)));
        // Microdata written as <meta itemprop="ratingValue" content="4"> inside the post's Rating item: a shown rating like
        // any other (ShownRating reads its content and its bestRating sibling); not in a sidebar's or a teaser list's item,
        // and not many readers' average.
        if (string.Equals(meta.GetAttributeValue("itemprop", null), "ratingValue", StringComparison.OrdinalIgnoreCase)
            && state is { InPost: true, Excluded: false, NotOwnRating: false } && signals.Ratings.Count < MaxRatings && !InAggregate(meta))
        {
            signals.Ratings.Add(meta);
        }
    }

    private static bool InAggregate(HtmlNode node)
    {
        for (var at = node.ParentNode; at is not null; at = at.ParentNode)
        {
            if (at.HasAttributes && (at.GetAttributeValue("itemprop", string.Empty).Contains("aggregateRating", StringComparison.OrdinalIgnoreCase)
                || at.GetAttributeValue("itemtype", string.Empty).Contains("AggregateRating", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
