using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

/// <summary>
/// A film database's page of user reviews: each review is read, the first as the article and the others as comments with
/// their own reviewer and date, as a discussion thread is; before, only the first review came out and the rest were lost.
/// </summary>
public sealed class UserReviewListTests
{
    private static readonly (string User, string Date, string Rating, string Title, string Text)[] Reviews =
    [
        ("moviefan88", "3 October 2010", "9", "A haunting, gentle film",
            "I went in knowing nothing and came out quiet for an hour. The performances are wonderful, especially Carey Mulligan, and the score is lovely. It is slow, but it earns every minute."),
        ("cinemaguy", "12 October 2010", "4", "Too slow for me",
            "I could not understand why nobody tries to run away. The students learn they are clones raised to donate their organs, and they simply accept it, which made the last hour hard to sit through."),
        ("lena_k", "2 November 2010", "8", "Beautiful and sad",
            "The cast is excellent and the English countryside has never looked so lonely. I loved the book, and this is a faithful, careful adaptation that keeps its calm voice all the way through."),
    ];

    private static string Page(Func<int, string> item) => $$"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Never Let Me Go (2010) - User Reviews - FilmBase</title></head>
        <body><header><nav><a href="/">FilmBase</a> <a href="/title/nlmg">Never Let Me Go</a> <a href="/login">Sign in</a></nav></header>
        <main><h1>Never Let Me Go (2010)</h1><h2>User Reviews</h2>
        <div class="lister-list">{{string.Concat(Enumerable.Range(0, Reviews.Length).Select(item))}}</div>
        </main><footer><p>FilmBase is a film database made up for this test.</p></footer></body></html>
        """;

    private static string ImdbLike(int i) => $"""
        <div class="review-container"><div class="rating-other-user-rating"><span>{Reviews[i].Rating}</span>/10</div>
        <a class="title" href="/review/{i + 1}/">{Reviews[i].Title}</a>
        <div class="display-name-date"><span class="display-name-link"><a href="/user/{Reviews[i].User}/">{Reviews[i].User}</a></span> <span class="review-date">{Reviews[i].Date}</span></div>
        <div class="content">{(i == 1 ? "<span class=\"spoiler-warning\">Warning: Spoilers</span>" : "")}<div class="text show-more__control">{Reviews[i].Text}</div></div></div>
        """;

    [Fact]
    public void Every_review_of_a_list_is_read_with_its_reviewer_and_date()
    {
        var review = Pages.Process(Page(ImdbLike));

        Assert.Equal([Reviews[0].Text], review.Texts());
        Assert.Equal("moviefan88", review.Author);
        Assert.Equal([("cinemaguy", Reviews[1].Text), ("lena_k", Reviews[2].Text)],
            review.Comments.Select(c => (c.Author, string.Join(" ", c.Blocks.Select(b => b.Text)))).ToArray());
        Assert.Equal(new DateTimeOffset(2010, 11, 2, 0, 0, 0, TimeSpan.Zero), review.Comments[1].PublishedAt);
    }

    private static string DiaryLike(int i) => $"""
        <li class="film-detail"><div class="film-detail-content"><div class="attribution-block">
        <a class="context" href="/{Reviews[i].User}/film/never-let-me-go/">Review by <strong class="author-name">{Reviews[i].User}</strong></a>
        <span class="rating">{Reviews[i].Rating}/10</span></div>
        <div class="body-text -prose collapsible-text"><p>{Reviews[i].Text}</p></div></div></li>
        """;

    [Fact]
    public void A_list_of_reviews_under_its_own_class_names_is_read_review_by_review()
    {
        // A film diary's list (li.film-detail): no class that says "review" or "post", only items that share their
        // classes, each naming its reviewer. Before, the article was the second review under the first one's name.
        var review = Pages.Process(Page(i => (i == 0 ? "<ul class=\"film-list\">" : "") + DiaryLike(i) + (i == Reviews.Length - 1 ? "</ul>" : "")));

        Assert.Equal([Reviews[0].Text], review.Texts());
        Assert.Equal("moviefan88", review.Author);
        Assert.Equal(["cinemaguy", "lena_k"], review.Comments.Select(c => c.Author ?? "").ToArray());
    }

    private static string Microdata(int i) => $"""
        <div class="user-review" itemprop="review" itemscope itemtype="https://schema.org/Review">
        <h3 itemprop="name">{Reviews[i].Title}</h3>
        <div class="meta">Reviewed by <span itemprop="author">{Reviews[i].User}</span> · <span class="rating">{Reviews[i].Rating} out of 10</span> · 12 of 20 found this helpful</div>
        <div itemprop="reviewBody">{Reviews[i].Text}</div></div>
        """;

    [Fact]
    public void A_review_marked_with_schema_org_gives_its_review_body_alone()
    {
        var review = Pages.Process(Page(Microdata));

        Assert.Equal([Reviews[0].Text], review.Texts());
        Assert.Equal([Reviews[1].Text, Reviews[2].Text], review.Comments.Select(c => string.Join(" ", c.Blocks.Select(b => b.Text))).ToArray());
    }

    [Fact]
    public void A_review_of_the_list_that_states_the_premise_is_hidden_at_the_default_tolerance()
    {
        var review = Pages.Process(Page(ImdbLike));

        Assert.NotEqual(SpoilerLevel.None, review.Comments[0].Blocks.Max(b => b.Spoiler.Level));
    }

    [Fact]
    public void A_list_of_review_teasers_that_link_to_the_whole_review_is_not_read_as_reviews()
    {
        const string end = "</div></div>";
        var review = Pages.Process(Page(i => $"{ImdbLike(i)[..^end.Length]}<a class=\"read-more\" href=\"/review/{i + 1}/\">Read more</a>{end}"));

        Assert.Empty(review.Comments);
    }
}
