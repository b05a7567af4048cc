using NeverLetMeGo.Core.Extraction.Metadata;

namespace NeverLetMeGo.Core.Tests;

/// <summary>The publication day a permalink spells, and when it beats the date the page prints.</summary>
public sealed class UrlDateTests
{
    [Theory]
    [InlineData("http://blog.ted.com/2012/07/23/5-videos-of-philippe-petit/", "2012-07-23")]
    [InlineData("http://www.diebytheblade.com/2012/8/8/3229307/the-best-of-jeanneret", "2012-08-08")]
    [InlineData("http://www.zillow.com/blog/2012-11-06/shaq-picks-up-another-florida-home/", "2012-11-06")]
    [InlineData("https://example.org/reviews/2010/09/15.html", "2010-09-15")]
    [InlineData("http://www.legalnomads.com/2012/11/birdcrap-counter.html", null)]
    [InlineData("https://example.org/2012/02/30/no-such-day/", null)]
    [InlineData("https://example.org/products/2012/13/01/", null)]
    [InlineData("https://example.org/item?id=2012/07/23", null)]
    [InlineData("file:///pages/2012/07/23/review.html", null)]
    [InlineData("not a url", null)]
    public void The_day_a_path_spells(string url, string? expected)
    {
        Assert.Equal(expected, UrlDate.Of(url)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null, "2012-07-24T00:00:00+00:00")]                          // no date on the page: the address's day
    [InlineData("2012-07-24T14:30:00-04:00", "2012-07-24T14:30:00-04:00")]  // the same day: the page's, with its time
    [InlineData("2012-07-25T01:30:00+00:00", "2012-07-25T01:30:00+00:00")]  // a day apart: time zones, next-morning posts
    [InlineData("2012-07-31T14:36:00+00:00", "2012-07-24T00:00:00+00:00")]  // a week later: the day it was saved
    public void The_page_date_stands_unless_the_address_disagrees_by_two_days_or_more(string? found, string expected)
    {
        var date = found is null ? (DateTimeOffset?)null : DateTimeOffset.Parse(found, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), UrlDate.Reconcile(date, "http://worldnews.example/_news/2012/07/24/12909129-kenyans"));
    }

    [Fact]
    public void Without_a_date_in_the_address_the_page_date_stands()
    {
        var found = new DateTimeOffset(2012, 7, 31, 14, 36, 0, TimeSpan.Zero);

        Assert.Equal(found, UrlDate.Reconcile(found, "https://example.org/reviews/never-let-me-go"));
        Assert.Null(UrlDate.Reconcile(null, "https://example.org/reviews/never-let-me-go"));
    }

    [Fact]
    public void A_review_whose_page_prints_no_date_is_dated_by_its_permalink()
    {
        var html = Pages.Article(Pages.ProseParagraphs(), """<link rel="canonical" href="https://reviews.example/2010/09/15/never-let-me-go/">""");

        Assert.Equal(new DateTimeOffset(2010, 9, 15, 0, 0, 0, TimeSpan.Zero), Pages.Process(html).PublishedAt);
    }
}
