using NeverLetMeGo.Core.Extraction;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

/// <summary>A film database's user review, a shape the extractor was not tuned on: metadata in a review header, UI lines under the text.</summary>
public sealed class UserReviewPageTests
{
    private static readonly Uri Url = new("https://example.com/r");

    private static readonly string[] Paragraphs =
    [
        "I went in knowing only the poster, a keeper alone on a rock in the North Sea, and came out thinking about it for days afterwards.",
        "The first half hour is wonderful: the routine of lamps and logbooks, the weather closing in, the radio that only ever brings bad news. Then the film loses its nerve and spends far too long on a supply boat subplot that goes nowhere at all.",
        "Still, the last twenty minutes are as good as anything I saw that year, and the lead actor carries every silent scene with his face alone. Worth it for the ending, even if you have to sit through the middle to get there.",
    ];

    private static string Page(string header, string footer = "", string title = "Great ending, awful middle - User review of The Lighthouse Keeper (2019) - FilmBase") => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{{title}}</title>
        <meta property="og:site_name" content="FilmBase"></head>
        <body>
        <header class="site-header"><a href="/" class="logo">FilmBase</a><form class="search"><input name="q"></form></header>
        <nav class="topnav"><ul><li><a href="/charts">Charts</a></li><li><a href="/news">News</a></li></ul></nav>
        <div id="main">
        <div class="title-bar"><div class="aggregate-rating"><span class="rating-value">6.9</span><span class="rating-scale">/10</span></div></div>
        <div class="review-container">
          <div class="review-header">{{header}}</div>
          <div class="content">
            <div class="text show-more__control">{{string.Join("<br><br>", Paragraphs)}}</div>
            {{footer}}
          </div>
        </div>
        </div>
        <footer class="site-footer"><p>FilmBase is a film database made up for this test.</p></footer>
        </body></html>
        """;

    private const string ImdbLikeHeader = """
        <span class="rating-other-user-rating"><span class="rating-value">8</span><span class="rating-scale">/10</span></span>
        <a class="title" href="/review/r77/">Great ending, awful middle</a>
        <div class="display-name-date"><span class="display-name-link"><a href="/user/ur123/">moviebuff_77</a></span> <span class="review-date">12 March 2021</span></div>
        """;

    private const string UiFooter = """
        <div class="actions text-muted">47 out of 52 found this helpful. <span>Was this review helpful? <a href="/signin">Sign in</a> to vote.</span><br><a href="/review/r77/">Permalink</a></div>
        <div class="review-tools"><p><a href="/report/r77">Report this</a></p><p><span>Helpful &bull; 12</span></p><p><a href="/s/r77">Share this review</a></p></div>
        """;

    [Fact]
    public void A_film_database_user_review_gives_its_work_author_date_rating_and_only_the_reviewers_words()
    {
        var review = ReviewPipeline.Process(Page(ImdbLikeHeader, UiFooter), Url);

        Assert.Equal("The Lighthouse Keeper", review.Work.Title);
        Assert.Equal("moviebuff_77", review.Author);
        Assert.Equal(new DateTimeOffset(2021, 3, 12, 0, 0, 0, TimeSpan.Zero), review.PublishedAt);
        Assert.NotNull(review.Rating);
        Assert.Equal((8.0, 10.0, 80.0), (review.Rating.Value, review.Rating.Scale, review.Rating.Normalized));
        Assert.Equal(Paragraphs, review.Texts());
    }

    [Theory]
    [InlineData("""<div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating"><span itemprop="ratingValue">8</span>/<span itemprop="bestRating">10</span></div>""", 8, 10)]
    [InlineData("""<div itemprop="reviewRating" itemscope><meta itemprop="bestRating" content="10"><span itemprop="ratingValue">7</span></div>""", 7, 10)]
    [InlineData("""<div class="star-rating" data-rating="4" data-max="5"></div>""", 4, 5)]
    [InlineData("""<span role="img" aria-label="Rated 4 out of 5"><svg></svg></span>""", 4, 5)]
    [InlineData("""<span class="stars">★★★★☆</span>""", 4, 5)]
    [InlineData("""<div class="user-rating"><b>3</b><i>/4</i></div>""", 3, 4)]
    [InlineData("""<div class="review-rating"><span class="stars" style="width:70%"></span></div>""", 3.5, 5)]
    [InlineData("""<div class="rating-bar"><div class="fill" style="width: 82%"></div></div>""", 82, 100)]
    public void The_rating_the_review_header_shows_is_read_as_the_reader_sees_it(string header, double value, double scale)
    {
        var review = ReviewPipeline.Process(Page(header), Url);

        Assert.NotNull(review.Rating);
        Assert.Equal((value, scale), (review.Rating.Value, review.Rating.Scale));
    }

    [Theory]
    [InlineData("""<div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating"><meta itemprop="ratingValue" content="4"><meta itemprop="bestRating" content="5"></div>""", 4.0)]
    [InlineData("""<div itemprop="aggregateRating" itemscope itemtype="https://schema.org/AggregateRating"><meta itemprop="ratingValue" content="4.2"><meta itemprop="reviewCount" content="88"></div>""", null)]
    public void A_rating_written_as_microdata_meta_in_the_post_is_read_and_an_average_is_not(string markup, double? value)
    {
        var page = $"<html><head><title>Dune review: sand and spectacle</title></head><body><article><h1>Dune review: sand and spectacle</h1>{markup}"
            + string.Concat(Paragraphs.Select(p => $"<p>{p}</p>")) + "</article><aside class=\"sidebar\"><div itemprop=\"reviewRating\" itemscope><meta itemprop=\"ratingValue\" content=\"2\"></div></aside></body></html>";

        Assert.Equal(value, ReviewPipeline.Process(page, Url).Rating?.Value);
    }

    [Theory]
    [InlineData("""<div class="rating-count">12 ratings</div>""")]
    [InlineData("""<div class="post-ratings">3/5 (12 votes)</div>""")]
    [InlineData("""<div class="score">8</div>""")]
    [InlineData("""<div class="rating-widget"><span class="stars" aria-label="Rate this review"><button class="star" aria-label="1 star">☆</button><button class="star" aria-label="2 stars">☆</button></span></div>""")]
    public void Averages_reader_widgets_and_bare_numbers_are_not_the_reviewers_rating(string header)
    {
        // The page's 6.9/10 sits in an aggregate-rating block above the review: it is never taken either.
        Assert.Null(ReviewPipeline.Process(Page(header), Url).Rating);
    }

    [Fact]
    public void A_byline_in_the_text_gives_author_and_date()
    {
        var page = Page("", title: "The Lighthouse Keeper (2019) - User Reviews")
            .Replace("""<div class="text show-more__control">""", """<div class="text show-more__control"><p>Reviewed by reel_nerd on 4 May 2020</p>""", StringComparison.Ordinal);

        var review = ReviewPipeline.Process(page, Url);

        Assert.Equal(("The Lighthouse Keeper", "reel_nerd"), (review.Work.Title, review.Author));
        Assert.Equal(new DateTimeOffset(2020, 5, 4, 0, 0, 0, TimeSpan.Zero), review.PublishedAt);
        Assert.Equal(Paragraphs, review.Texts());
    }

    [Fact]
    public void A_time_element_and_a_reviewer_class_date_and_name_the_review()
    {
        var review = ReviewPipeline.Process(Page("""<p><span class="reviewer">Ada Lind</span> <time datetime="2021-03-12T09:30:00Z">3 days ago</time></p>"""), Url);

        Assert.Equal("Ada Lind", review.Author);
        Assert.Equal(new DateTimeOffset(2021, 3, 12, 9, 30, 0, TimeSpan.Zero), review.PublishedAt);
    }

    [Theory]
    [InlineData("""<p class="attribution">Reviewed by <a href="/reel_nerd/">reel_nerd</a> on 4 May 2020</p>""", "reel_nerd")]
    [InlineData("""<div>By <b><a href="/people/ada">Ada Lind</a></b>, May 4, 2020 @ 9:00am</div>""", "Ada Lind")]
    [InlineData("""<span class="context">Review by <a class="name" href="/reel_nerd/">reel_nerd</a> on May 4, 2020</span>""", "reel_nerd")]
    public void A_by_label_before_a_name_in_the_review_header_gives_author_and_date(string header, string author)
    {
        var review = ReviewPipeline.Process(Page(header), Url);

        Assert.Equal(author, review.Author);
        Assert.Equal(new DateTime(2020, 5, 4), review.PublishedAt?.Date);
    }

    [Fact]
    public void Prose_that_starts_with_by_names_nobody()
    {
        var review = ReviewPipeline.Process(Page("""<p>By the way, <em>everyone</em> should see this.</p>"""), Url);

        Assert.Null(review.Author);
    }

    [Fact]
    public void Structured_data_comes_before_what_the_review_header_shows()
    {
        var page = Page(ImdbLikeHeader).Replace("</title>", """
            </title><script type="application/ld+json">{"@type":"Review","author":{"@type":"Person","name":"Film Fan"},
            "datePublished":"2021-03-10","itemReviewed":{"@type":"Movie","name":"The Lighthouse Keeper"},
            "reviewRating":{"@type":"Rating","ratingValue":"3","bestRating":"5"}}</script>
            """, StringComparison.Ordinal);

        var review = ReviewPipeline.Process(page, Url);

        Assert.Equal(("Film Fan", 3.0, 5.0), (review.Author, review.Rating?.Value, review.Rating?.Scale));
        Assert.Equal(new DateTimeOffset(2021, 3, 10, 0, 0, 0, TimeSpan.Zero), review.PublishedAt);
    }

    [Theory]
    [InlineData("47 out of 52 found this helpful. Was this review helpful? Sign in to vote. Permalink", true)]
    [InlineData("Permalink", true)]
    [InlineData("Report this", true)]
    [InlineData("Helpful \u2022 12", true)]
    [InlineData("Share this review", true)]
    [InlineData("Was this review helpful? Yes No", true)]
    [InlineData("Pin It", true)]
    [InlineData("Text Size", true)]
    [InlineData("Reprints", true)]
    [InlineData("Share It:", true)]
    [InlineData("Email Article Link To", true)]
    [InlineData("Love and share", true)]
    [InlineData("Pin it to the fridge and read it every morning.", false)]
    [InlineData("The text size of the subtitles was too small to read.", false)]
    [InlineData("I found this film helpful for understanding grief.", false)]
    [InlineData("Share it with someone you love.", false)]
    [InlineData("No reply.", false)]
    [InlineData("No.", false)]
    public void Short_interface_lines_are_told_from_the_reviewers_words(string text, bool isInterface)
    {
        Assert.Equal(isInterface, ArticleTop.IsInterfaceLine(new SourceBlock(BlockKind.Paragraph, text)));
    }
}
