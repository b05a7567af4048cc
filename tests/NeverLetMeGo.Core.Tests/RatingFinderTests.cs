namespace NeverLetMeGo.Core.Tests;

/// <summary>Which rating a whole page gets: its own verdict, from JSON-LD or its text; never a comment's, a quote's or another film's.</summary>
public sealed class RatingFinderTests
{
    private static Model.Review Page(string inner, string head = "", string around = "") =>
        Pages.Process(Pages.Article(Pages.ProseParagraphs() + inner, head, around));

    [Theory]
    [InlineData("<p>Long story short: 3/4 stars</p>", "3/4 stars", 3, 4, 75)]
    [InlineData("<p>I'd give it 3 out of 5.</p>", "3 out of 5", 3, 5, 60)]
    [InlineData("<p><strong>Verdict:</strong> 7/10</p>", "7/10", 7, 10, 70)]
    [InlineData("<p>Score: 8.5/10</p>", "8.5/10", 8.5, 10, 85)]
    [InlineData("<p>★★★½</p>", "★★★½", 3.5, 5, 70)]
    [InlineData("<p>B+</p>", "B+", 85, 100, 85)]
    [InlineData("<p>Grade: A-</p>", "A-", 90, 100, 90)]
    [InlineData("<p>Rating: 4 stars</p>", "4 stars", 4, 5, 80)]
    public void The_verdict_written_in_the_review_is_its_rating(string verdict, string raw, double value, double scale, double normalized)
    {
        var rating = Page(verdict).Rating;

        Assert.NotNull(rating);
        Assert.Equal((raw, value, scale, normalized), (rating.Raw, rating.Value, rating.Scale, rating.Normalized));
    }

    [Fact]
    public void Json_ld_review_rating_is_normalized_between_its_worst_and_best()
    {
        var rating = Page("", head: """
            <script type="application/ld+json">{"@type":"Review","itemReviewed":{"@type":"Movie","name":"Never Let Me Go"},
              "reviewRating":{"@type":"Rating","ratingValue":7,"worstRating":1,"bestRating":10}}</script>
            """).Rating;

        Assert.NotNull(rating);
        Assert.Equal((7.0, 10.0, 66.7), (rating.Value, rating.Scale, rating.Normalized));
    }

    [Fact]
    public void Json_ld_rating_wins_over_a_different_number_in_the_text()
    {
        var rating = Page("<p>Rating: 2/5</p>", head: """
            <script type="application/ld+json">{"@type":"Review","reviewRating":{"@type":"Rating","ratingValue":"4","bestRating":"5"}}</script>
            """).Rating;

        Assert.NotNull(rating);
        Assert.Equal((4.0, 5.0, 80.0), (rating.Value, rating.Scale, rating.Normalized));
    }

    [Fact]
    public void A_rating_in_a_comment_is_not_the_review_s()
    {
        var review = Page("", around: """
            <div id="comments" class="comments-area"><ol class="comment-list"><li id="comment-1" class="comment">
            <div class="comment-content"><p>I disagree completely, 1/10 from me.</p></div></li></ol></div>
            """);

        Assert.Null(review.Rating);
        Assert.Contains("1/10", Assert.Single(review.Comments).Blocks[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_critic_s_rating_is_not_the_review_s()
    {
        Assert.Null(Page("<blockquote><p>\u201CA masterpiece. 5/5\u201D \u2014 another paper</p></blockquote>").Rating);
    }

    [Fact]
    public void The_labelled_verdict_beats_a_rating_of_another_film_mentioned_in_passing()
    {
        var rating = Page("<p>When I reviewed The Remains of the Day, which I gave 4 out of 5 stars, I was kinder.</p><p>Rating: 3/5</p>").Rating;

        Assert.NotNull(rating);
        Assert.Equal("3/5", rating.Raw);
    }
}
