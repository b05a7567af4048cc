using System.Globalization;
using System.Text.RegularExpressions;
using HtmlAgilityPack;
using NeverLetMeGo.Core.Ratings;

namespace NeverLetMeGo.Core.Extraction.Metadata;

/// <summary>
/// The reviewer's rating as the page's markup shows it near the review's head, for pages without a JSON-LD reviewRating:
/// data-rating with its maximum, microdata ratingValue with its bestRating, stars filled to a width, an aria-label or title ("Rated 4 out of 5"),
/// the text as the reader sees it, adjacent inline elements joined ("8" "/10" → "8/10", "★★★★☆"), or a picture's
/// alternative text (alt="4 out of 5 stars"). The first candidate that
/// reads as a rating wins: it is the one at the top of the review.
/// </summary>
internal static partial class ShownRating
{
    private const int MaxText = 40;

    public static JsonLdRating? Read(IReadOnlyList<HtmlNode> candidates)
    {
        foreach (var node in candidates)
        {
            if ((FromData(node) ?? FromMicrodata(node) ?? FromWidth(node) ?? FromText(node.GetAttributeValue("aria-label", null))
                    ?? FromText(node.GetAttributeValue("title", null)) ?? FromText(VisibleText(node)) ?? FromText(ImageText(node))) is { } rating)
            {
                return rating;
            }
        }

        return null;
    }

    private static JsonLdRating? FromData(HtmlNode node)
    {
        var value = node.GetAttributeValue("data-rating", null);
        var best = node.GetAttributeValue("data-max", null) ?? node.GetAttributeValue("data-best", null)
            ?? node.GetAttributeValue("data-scale", null) ?? node.GetAttributeValue("data-out-of", null);
        return value is null || best is null ? null : Make(value, best);
    }

    private static JsonLdRating? FromMicrodata(HtmlNode node)
    {
        if (!string.Equals(node.GetAttributeValue("itemprop", null), "ratingValue", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // bestRating is a sibling inside the Rating item (often a <meta>); without it schema.org's default is 5.
        var scope = node.Ancestors().FirstOrDefault(a => a.Attributes.Contains("itemscope")) ?? node.ParentNode;
        var best = scope?.Descendants().Take(50).FirstOrDefault(d => string.Equals(d.GetAttributeValue("itemprop", null), "bestRating", StringComparison.OrdinalIgnoreCase));
        return Make(MicrodataValue(node), best is null ? "5" : MicrodataValue(best));
    }

    /// <summary>
    /// Stars drawn as a bar filled to a width (review plugins: &lt;span class="stars" style="width:70%"&gt; over five empty
    /// stars): the share filled of five stars, or of 100 for a bar that draws no stars. The element itself or one of its
    /// first few descendants carries the width; an empty bar (width 0) says nothing, as an unrated review draws one.
    /// </summary>
    private static JsonLdRating? FromWidth(HtmlNode node)
    {
        foreach (var element in node.DescendantsAndSelf().Where(n => n.NodeType == HtmlNodeType.Element).Take(6))
        {
            if (element.GetAttributeValue("style", null) is not { } style || FilledWidth().Match(style) is not { Success: true } width
                || !double.TryParse(width.Groups["pct"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) || share is <= 0 or > 100)
            {
                continue;
            }

            var stars = element.GetAttributeValue("class", string.Empty).Contains("star", StringComparison.OrdinalIgnoreCase)
                || node.GetAttributeValue("class", string.Empty).Contains("star", StringComparison.OrdinalIgnoreCase);
            var value = stars ? Math.Round(share / 20, 1) : share;
            return new JsonLdRating(value.ToString(CultureInfo.InvariantCulture), value, stars ? 5 : 100, 0);
        }

        return null;
    }

    private static string MicrodataValue(HtmlNode node) => node.GetAttributeValue("content", null) ?? HtmlText.Of(node);

    private static JsonLdRating? FromText(string? text)
    {
        if (text is null || text.Length is 0 or > MaxText || Aggregate().IsMatch(text)
            || RatingParser.Find(text) is not { Strength: >= 2 } found)
        {
            return null;
        }

        var rating = found.Rating;
        return new JsonLdRating(rating.Value.ToString(CultureInfo.InvariantCulture), rating.Value, rating.Scale, 0);
    }

    /// <summary>
    /// What the element's pictures say, for a rating drawn as images: a picture of four stars with alt="4 out of 5 stars".
    /// Null when it has no picture with an alternative text.
    /// </summary>
    private static string? ImageText(HtmlNode node)
    {
        foreach (var image in node.Descendants("img").Take(3))
        {
            if (image.GetAttributeValue("alt", null) is { Length: > 0 } alt)
                return TextBuffer.Normalize(CharacterReferences.Decode(alt));
        }

        return null;
    }

    /// <summary>The element's text, or its parent's when the element shows a bare number ("8" beside "/10").</summary>
    private static string VisibleText(HtmlNode node)
    {
        var text = HtmlText.Of(node);
        return Number().IsMatch(text) && node.ParentNode is { } parent ? HtmlText.Of(parent) : text;
    }

    private static JsonLdRating? Make(string valueText, string bestText)
    {
        var raw = valueText.Trim();
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.TryParse(bestText.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var best)
            && double.IsFinite(value) && double.IsFinite(best) && best > 0 && value >= 0 && value <= best
            ? new JsonLdRating(raw, value, best, 0)
            : null;
    }

    [GeneratedRegex(@"^\s*\d{1,3}(?:[.,]\d{1,2})?\s*$")]
    private static partial Regex Number();

    // "width:70%", "width: 87.5 %" in an inline style (not min-width or max-width).
    [GeneratedRegex(@"(?:^|[;\s])width\s*:\s*(?<pct>\d{1,3}(?:\.\d+)?)\s*%", RegexOptions.IgnoreCase)]
    private static partial Regex FilledWidth();

    // "7.4/10 (12,345 votes)", "average 4/5 from 80 ratings": many people's verdict.
    [GeneratedRegex(@"\b(?:votes?|ratings|reviews|users|average|avg|based\s+on)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Aggregate();
}
