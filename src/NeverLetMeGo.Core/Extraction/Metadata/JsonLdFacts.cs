namespace NeverLetMeGo.Core.Extraction.Metadata;

/// <summary>What schema.org JSON-LD in the page says about the article (all optional).</summary>
internal sealed record JsonLdFacts
{
    public string? Headline { get; init; }

    /// <summary>The article's name when it also has a headline (Wikipedia's headline is the article's short description).</summary>
    public string? Name { get; init; }
    public string? Author { get; init; }
    public string? DatePublished { get; init; }
    public string? Publisher { get; init; }
    public string? WebsiteName { get; init; }
    public string? ItemReviewed { get; init; }
    public string? InLanguage { get; init; }
    public JsonLdRating? Rating { get; init; }

    public static JsonLdFacts None { get; } = new();
}

/// <summary>A schema.org reviewRating as written; bounds default to 5 and 0 when absent (schema.org's own defaults).</summary>
internal sealed record JsonLdRating(string RatingValue, double Value, double Best, double Worst);
