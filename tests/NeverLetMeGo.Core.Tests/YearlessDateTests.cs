using NeverLetMeGo.Core.Extraction.Metadata;

namespace NeverLetMeGo.Core.Tests;

/// <summary>
/// Comment dates printed without their year ("On Friday, November 2 at 12:14 pm") take the article's: a comment is
/// written after its post, so a day before the post's falls in the next year. Before, such comments had no date.
/// </summary>
public sealed class YearlessDateTests
{
    private static readonly DateTimeOffset Posted = new(2012, 11, 2, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("On Friday, November 2 at 12:14 pm", "2012-11-02T12:14")]
    [InlineData("Nov 3", "2012-11-03T00:00")]
    [InlineData("January 2, 9:05 am", "2013-01-02T09:05")]
    [InlineData("I saw it on November 2 with my mother", null)]
    [InlineData("November 2, 2012", null)]
    [InlineData("February 30", null)]
    [InlineData("November 0", null)]
    public void A_date_without_its_year_is_the_first_such_day_on_or_after_the_post(string text, string? expected) =>
        Assert.Equal(expected, DateParser.ParseWithoutYear(text, Posted)?.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_comment_dated_without_a_year_takes_the_articles()
    {
        var review = Pages.Process(Pages.Article(Pages.ProseParagraphs(),
            head: """<meta property="article:published_time" content="2012-11-02T08:00:00+00:00">""",
            around: """
                <div id="comments"><div class="comment" id="comment-4226701"><p class="comment-number">1</p>
                  <div class="comment-text"><h4>GreatAunt <span>On Friday, November 2 at 12:14 pm</span></h4>
                  <p>I just caught this episode the other day and loved the ending.</p></div></div></div>
                """));

        Assert.Equal(new DateTimeOffset(2012, 11, 2, 12, 14, 0, TimeSpan.Zero), Assert.Single(review.Comments).PublishedAt);
    }
}
