namespace NeverLetMeGo.Core.Extraction.Metadata;

/// <summary>
/// The words a byline starts with, as regular-expression text shared by the patterns that read bylines (the article top's
/// byline lines, the by-label before a name element, the name in a byline), so the three agree on what a byline is.
/// </summary>
internal static class BylineLabel
{
    /// <summary>"by", "posted by", "written by", "reviewed by", "review by", "a review by", "words by".</summary>
    public const string By = @"(?:(?:posted|written|reviewed|words|(?:a\s+)?review)\s+)?by";
}
