using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core;

/// <summary>Pure entry point: HTML in, extracted and spoiler-tagged review out. No IO.</summary>
public static class ReviewPipeline
{
    /// <summary>Extracts article blocks, metadata, rating and comments from <paramref name="html"/> fetched from <paramref name="url"/>, then tags spoilers.</summary>
    /// <exception cref="ExtractionException">The page has no recognisable article text.</exception>
    public static Review Process(string html, Uri url) => throw new NotImplementedException(html + url);
}
