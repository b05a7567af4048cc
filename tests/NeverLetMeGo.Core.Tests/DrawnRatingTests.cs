namespace NeverLetMeGo.Core.Tests;

/// <summary>Ratings drawn as pictures or widgets, whose value is only in an attribute a reader's screen reader reads.</summary>
public sealed class DrawnRatingTests
{
    private static Model.Review Page(string rating) => ReviewPipeline.Process($$"""
        <html><head><title>Keeper review: stormy</title></head><body><article><h1>Keeper review: stormy</h1>{{rating}}
        <p>Ingrid has kept the lamp on Skarholm for thirty years, and the film takes its time letting us feel every one of them.</p>
        <p>The photography, all grey water and white foam, is worth the ticket alone.</p></article></body></html>
        """, new Uri("https://films.example/keeper"));

    [Theory]
    [InlineData("""<div class="stars"><img src="/img/4stars.png" alt="4 out of 5 stars"></div>""", 80)]
    [InlineData("""<div class="star-rating" title="Rated 3.5 out of 5"><span style="width:70%"></span></div>""", 70)]
    public void A_rating_drawn_as_a_picture_or_widget_is_read_from_its_alternative_text(string rating, double normalized)
    {
        Assert.Equal(normalized, Page(rating).Rating?.Normalized);
    }

    [Theory]
    [InlineData("""<div class="author"><img src="a.jpg" alt="Ann Lee"></div>""")]
    [InlineData("""<div class="stars"><img src="/img/x.png" alt="Rated by 12 readers: 4 out of 5"></div>""")]
    public void A_picture_that_names_no_rating_of_the_reviewer_gives_none(string markup)
    {
        Assert.Null(Page(markup).Rating);
    }
}
