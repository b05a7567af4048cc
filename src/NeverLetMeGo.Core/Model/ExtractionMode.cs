namespace NeverLetMeGo.Core.Model;

/// <summary>How a review's text was found.</summary>
public enum ExtractionMode
{
    /// <summary>A container scored as the article.</summary>
    Article,

    /// <summary>No container read as an article, so the page's best text region was taken instead: forum threads, listings, short pages.</summary>
    Fallback,
}
