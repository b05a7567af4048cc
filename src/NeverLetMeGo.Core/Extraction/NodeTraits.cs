using System.Buffers;
using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace NeverLetMeGo.Core.Extraction;

/// <summary>Attribute-level facts about an element that every extraction pass asks for.</summary>
internal static partial class NodeTraits
{
    public static string Classes(HtmlNode node) => node.GetAttributeValue("class", string.Empty);

    public static string Id(HtmlNode node) => node.GetAttributeValue("id", string.Empty);

    /// <summary>
    /// The attribute's value as the page's source spells it, entities still encoded, read in place: its Value is a new
    /// string on first read.
    /// </summary>
    public static ReadOnlySpan<char> SourceValue(HtmlAttribute attribute)
    {
        var text = attribute.OwnerDocument?.Text;
        return text is not null && attribute.ValueLength > 0 && attribute.ValueStartIndex + attribute.ValueLength <= text.Length
            ? text.AsSpan(attribute.ValueStartIndex, attribute.ValueLength)
            : attribute.Value.AsSpan();
    }

    /// <summary>
    /// The attribute's value without making its string where the source spells it without an entity (then the two are
    /// the same characters); decoded otherwise. Read for every element's verdict, most of whose values are never needed
    /// as strings.
    /// </summary>
    public static ReadOnlySpan<char> ValueOf(HtmlAttribute attribute)
    {
        var source = SourceValue(attribute);
        return source.Contains('&') ? attribute.Value.AsSpan() : source;
    }

    /// <summary>Whether a space-separated attribute value (class, rel) holds <paramref name="token"/>, ignoring case.</summary>
    public static bool HasToken(ReadOnlySpan<char> value, string token)
    {
        // Asked of every element by some walks, so the tokens are compared in place rather than split out.
        var span = value;
        foreach (var range in span.SplitAny(" \t\r\n\f"))
        {
            if (span[range].Equals(token, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static ClassVerdict Verdict(HtmlNode node, ClassHintCache cache) =>
        node.HasAttributes ? cache.Get(node) : default;

    /// <summary>Hidden by the hidden attribute, aria-hidden, an inline style or a hiding class.</summary>
    public static bool IsHidden(ClassVerdict verdict) => verdict.Has(ClassSignal.Hidden | ClassSignal.HiddenAttribute);

    /// <summary>What the element's attributes other than class and id say, read once per element.</summary>
    public static ClassSignal AttributeSignals(in ElementAttributes attributes)
    {
        var signals = ClassSignal.None;
        if (attributes.Hidden is not null
            || (attributes.AriaHidden is { } ariaHidden && ValueOf(ariaHidden).Equals("true", StringComparison.OrdinalIgnoreCase))
            || (attributes.Style is { } style && (HidesElement(ValueOf(style)) || PlacesOverGraphic(ValueOf(style)))))
        {
            signals |= ClassSignal.HiddenAttribute;
        }

        if (attributes.Itemprop is { } itempropAttribute)
        {
            var itemprop = ValueOf(itempropAttribute);
            signals |= itemprop.Equals("articleBody", StringComparison.OrdinalIgnoreCase) ? ClassSignal.ArticleBody
                : itemprop.Equals("headline", StringComparison.OrdinalIgnoreCase) ? ClassSignal.ItempropHeadline
                : itemprop.Equals("author", StringComparison.OrdinalIgnoreCase) ? ClassSignal.ItempropAuthor
                : itemprop.Equals("datePublished", StringComparison.OrdinalIgnoreCase) ? ClassSignal.ItempropDatePublished
                : itemprop.Equals("ratingValue", StringComparison.OrdinalIgnoreCase) ? ClassSignal.RatingLike
                : itemprop.Equals("aggregateRating", StringComparison.OrdinalIgnoreCase) ? ClassSignal.AggregateRating
                : ClassSignal.None;
        }

        if (attributes.DataRating is not null || (attributes.AriaLabel is { } ariaLabel && LabelsRating(ValueOf(ariaLabel))))
        {
            signals |= ClassSignal.RatingLike;
        }

        if (attributes.Rel is { } rel && HasToken(ValueOf(rel), "author"))
        {
            signals |= ClassSignal.RelAuthor;
        }

        if (MarksSpoiler(attributes))
        {
            signals |= ClassSignal.Spoiler;
        }

        return signals;
    }

    // Contains(…, OrdinalIgnoreCase) in one vectorised pass: it reads a style with non-ASCII text character by character.
    private static readonly SearchValues<string> HidingWords = SearchValues.Create(["none", "hidden"], StringComparison.OrdinalIgnoreCase);

    private static bool LabelsRating(ReadOnlySpan<char> label) =>
        label.Length <= 80
        && (label.Contains("out of", StringComparison.OrdinalIgnoreCase) || label.Contains("rated", StringComparison.OrdinalIgnoreCase)
            || label.Contains("star", StringComparison.OrdinalIgnoreCase));

    private static bool HidesElement(ReadOnlySpan<char> style)
    {
        if (!style.ContainsAny(HidingWords))
        {
            return false;
        }

        var compact = style.ToString().Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return compact.Contains("display:none", StringComparison.Ordinal) || compact.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    /// <summary>
    /// Placed at a fraction of its box, from the top and from a side (style="top:71%;left:5.8%"): a label laid over a
    /// chart or picture (a newspaper's exported graphics print every axis value and annotation so, "$263", "billion",
    /// "’17"). A reader sees it on the graphic, not in the text, as a screen reader reads past a hidden element.
    /// </summary>
    private static bool PlacesOverGraphic(ReadOnlySpan<char> style) =>
        style.Contains('%') && style.Contains("top", StringComparison.OrdinalIgnoreCase)
        && PercentFromTop().IsMatch(style) && PercentFromSide().IsMatch(style);

    [GeneratedRegex(@"(?:^|;)\s*top\s*:\s*-?[\d.]+%", RegexOptions.IgnoreCase)]
    private static partial Regex PercentFromTop();

    [GeneratedRegex(@"(?:^|;)\s*(?:left|right)\s*:\s*-?[\d.]+%", RegexOptions.IgnoreCase)]
    private static partial Regex PercentFromSide();

    /// <summary>itemprop=articleBody (schema.org) marks the article body explicitly.</summary>
    public static bool IsArticleBody(ClassVerdict verdict) => verdict.Has(ClassSignal.ArticleBody);

    /// <summary>Read-more markers: Blogger's &lt;a name="more"&gt;, WordPress's &lt;span id="more-123"&gt;.</summary>
    public static bool IsJumpBreak(HtmlNode node)
    {
        if (!node.HasAttributes)
        {
            return false;
        }

        if (node.Name == "a" && string.Equals(node.GetAttributeValue("name", null), "more", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var id = node.GetAttributeValue("id", null);
        return id is not null && id.StartsWith("more-", StringComparison.OrdinalIgnoreCase) && id.Length > 5 && char.IsAsciiDigit(id[5]);
    }

    public static bool IsJumpBreakComment(HtmlNode node) =>
        node.NodeType == HtmlNodeType.Comment && node.InnerHtml.AsSpan().Trim("<!->").Trim().StartsWith("more", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The attributes an element's verdict reads, found in one pass over its attribute list: HtmlAgilityPack's lookup by name
/// hashes the name on every call, and the verdict asks about ten names. A repeated attribute counts as its last copy, as
/// that lookup returns it.
/// </summary>
internal struct ElementAttributes
{
    public HtmlAttribute? Class, Id, Hidden, AriaHidden, Style, Itemprop, Rel, AriaLabel, DataSpoiler, DataRating;

    /// <summary>Any attribute besides class and id that the verdict reads.</summary>
    public readonly bool HasOthers => Hidden is not null || AriaHidden is not null || Style is not null || Itemprop is not null || Rel is not null
        || AriaLabel is not null || DataSpoiler is not null || DataRating is not null;

    public static ElementAttributes Of(HtmlAttributeCollection attributes)
    {
        var found = default(ElementAttributes);
        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = attributes[i];
            var name = attribute.OriginalName ?? attribute.Name;
            switch (name.Length)
            {
                case 2 when name.Equals("id", StringComparison.OrdinalIgnoreCase):
                    found.Id = attribute;
                    break;
                case 3 when name.Equals("rel", StringComparison.OrdinalIgnoreCase):
                    found.Rel = attribute;
                    break;
                case 5 when name.Equals("class", StringComparison.OrdinalIgnoreCase):
                    found.Class = attribute;
                    break;
                case 5 when name.Equals("style", StringComparison.OrdinalIgnoreCase):
                    found.Style = attribute;
                    break;
                case 6 when name.Equals("hidden", StringComparison.OrdinalIgnoreCase):
                    found.Hidden = attribute;
                    break;
                case 8 when name.Equals("itemprop", StringComparison.OrdinalIgnoreCase):
                    found.Itemprop = attribute;
                    break;
                case 11 when name.Equals("aria-hidden", StringComparison.OrdinalIgnoreCase):
                    found.AriaHidden = attribute;
                    break;
                case 10 when name.Equals("aria-label", StringComparison.OrdinalIgnoreCase):
                    found.AriaLabel = attribute;
                    break;
                case 11 when name.Equals("data-rating", StringComparison.OrdinalIgnoreCase):
                    found.DataRating = attribute;
                    break;
                case > 5 when name.StartsWith("data-", StringComparison.OrdinalIgnoreCase) && name.Contains("spoiler", StringComparison.OrdinalIgnoreCase):
                    found.DataSpoiler = attribute;
                    break;
            }
        }

        return found;
    }
}
