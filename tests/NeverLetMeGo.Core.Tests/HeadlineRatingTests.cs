namespace NeverLetMeGo.Core.Tests;

/// <summary>A verdict printed at the end of the headline is the review's rating and no part of the work's name.</summary>
public sealed class HeadlineRatingTests
{
    private static Model.Review Page(string title) => ReviewPipeline.Process($$"""
        <html><head><title>{{title}}</title></head><body><article><h1>{{title}}</h1>
        <p>I saw this at the cinema last week with two friends, and we argued about it all the way home on the bus.</p>
        <p>The performances are restrained and the score is lovely, and the photography is some of the best of the year.</p>
        </article></body></html>
        """, new Uri("https://films.example/review"));

    [Theory]
    [InlineData("Never Let Me Go review \u2013 a quiet heartbreak \u2605\u2605\u2605\u2605\u2606", 80)]
    [InlineData("Never Let Me Go (4/5)", 80)]
    [InlineData("Never Let Me Go review: 8/10", 80)]
    [InlineData("Never Let Me Go review | 3.5 stars", 70)]
    public void A_closing_verdict_is_the_rating_and_not_the_work(string title, double normalized)
    {
        var review = Page(title);

        Assert.Equal(normalized, review.Rating?.Normalized);
        Assert.Equal("Never Let Me Go", review.Work.Title);
    }

    [Theory]
    [InlineData("Never Let Me Go (2010)")]
    [InlineData("Why 8/10 is the new 10: rating inflation")]
    [InlineData("Top 10 films of the decade")]
    public void Numbers_in_a_headline_that_are_no_verdict_give_no_rating(string title)
    {
        Assert.Null(Page(title).Rating);
    }
}
