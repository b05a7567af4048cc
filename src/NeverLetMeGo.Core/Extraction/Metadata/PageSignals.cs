using HtmlAgilityPack;

namespace NeverLetMeGo.Core.Extraction.Metadata;

/// <summary>Everything metadata resolution needs, gathered in one walk over the page before cleaning removes headers.</summary>
internal sealed class PageSignals
{
    public List<string> JsonLd { get; } = [];

    /// <summary>meta name/property/itemprop (lower-cased) → first non-empty content.</summary>
    public Dictionary<string, string> Meta { get; } = new(StringComparer.Ordinal);

    public string? Canonical { get; set; }
    public string? DocumentTitle { get; set; }

    /// <summary>The root element's lang (or xml:lang) attribute.</summary>
    public string? RootLanguage { get; set; }

    /// <summary>Visible headline candidates: h1 and .entry-title / .post-title, in document order, outside comments and sidebars.</summary>
    public List<HtmlNode> Headlines { get; } = [];

    /// <summary>Visible byline candidates (rel=author, .fn inside an author block, .byline, itemprop=author).</summary>
    public List<HtmlNode> Bylines { get; } = [];

    /// <summary>Elements that label a name with "By" or "Reviewed by" whatever their classes; read after <see cref="Bylines"/>.</summary>
    public List<HtmlNode> LabelledBylines { get; } = [];

    /// <summary>Visible date candidates (time, .published, abbr.published, .date-header, itemprop=datePublished).</summary>
    public List<HtmlNode> Dates { get; } = [];

    /// <summary>Lines that say in words when the post went up ("Posted on September 18, 2012 at 3:48 am"), whatever their element; the first few only.</summary>
    public List<string> PostedLines { get; } = [];

    /// <summary>Ratings as the page shows them (<see cref="ClassSignal.RatingLike"/>), outside averages; the first few only.</summary>
    public List<HtmlNode> Ratings { get; } = [];

    /// <summary>Short elements whose text is a label and a rating ("Note : 4,5/5"), whatever their classes; read after <see cref="Ratings"/>.</summary>
    public List<HtmlNode> LabelledRatings { get; } = [];

    public string? MetaValue(string key) => Meta.TryGetValue(key, out var value) ? value : null;
}
