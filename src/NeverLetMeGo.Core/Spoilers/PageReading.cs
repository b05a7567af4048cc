namespace NeverLetMeGo.Core.Spoilers;

/// <summary>
/// Tags a page's article and its comments so that what the page as a whole gives away stays hidden in every part of it:
/// each comment is first read against its article; when the comments between them name a secret the article's reading
/// did not hold (<see cref="TextReading.OfPage"/>), the article and every comment are read again against the page's
/// secret. The second reading costs little: the encoder's cache holds every sentence the first one read.
/// </summary>
internal static class PageReading
{
    /// <param name="article">Tags the article against a reading (null: read alone).</param>
    /// <param name="comments">How many comments the page has.</param>
    /// <param name="comment">Tags comment i against a reading.</param>
    public static (T Article, T[] Comments) Tag<T>(
        Func<TextReading?, (T Tagged, TextReading Reading)> article, int comments, Func<int, TextReading, (T Tagged, TextReading Reading)> comment)
    {
        var (tagged, articleReading) = article(null);
        var threads = new T[comments];
        var readings = new TextReading[comments];
        for (var i = 0; i < comments; i++)
            (threads[i], readings[i]) = comment(i, articleReading);

        var page = TextReading.OfPage(articleReading, readings);
        if (page.Revealed.IsSubsetOf(articleReading.Revealed))
            return (tagged, threads);

        (tagged, _) = article(page);
        for (var i = 0; i < comments; i++)
            (threads[i], _) = comment(i, page);
        return (tagged, threads);
    }
}
