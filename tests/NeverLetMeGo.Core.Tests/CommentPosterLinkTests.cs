namespace NeverLetMeGo.Core.Tests;

/// <summary>
/// WordPress themes that print a comment's byline their own way still link the poster's name as a.url with
/// rel="external nofollow", and many name the time link comment-meta-time. Before, such comments had neither poster nor
/// date (on Dragnet, 48% of comments had a poster and 46% a date; 56% and 59% after).
/// </summary>
public sealed class CommentPosterLinkTests
{
    [Fact]
    public void The_posters_site_link_and_the_meta_time_link_give_the_poster_and_the_date()
    {
        var review = Pages.Process(Pages.Article(Pages.ProseParagraphs(), around: """
            <ol class="commentlist">
              <li class="comment" id="comment-128040"><div id="div-comment-128040"><div class="comment_meta"><img class="avatar" src="/a.png" alt=""></div>
                <div class="comment_entry"><p class="cm-meta"><a href="http://tea.example" rel="external nofollow" class="url">Erin</a> &#8212; <a href="#comment-128040" class="comment-meta-time">June 25th, 2012, 12:21 am</a></p>
                <p>Great review, and the last scene on the beach is as good as you say it is.</p></div></div></li>
            </ol>
            """));

        var comment = Assert.Single(review.Comments);
        Assert.Equal(("Erin", new DateTimeOffset(2012, 6, 25, 0, 21, 0, TimeSpan.Zero)), (comment.Author!, comment.PublishedAt!.Value));
    }

    [Fact]
    public void A_poster_link_inside_the_text_box_leaves_the_box_as_the_comments_body()
    {
        var review = Pages.Process(Pages.Article(Pages.ProseParagraphs(), around: """
            <div id="comments">
              <div class="comment even depth-1" id="comment-4226706"><p class="comment-number">2</p>
                <div class="comment-text"><h4><a href="http://wife.example" rel="external nofollow" class="url">Diane</a></h4>
                <p>Thanksgiving is my favourite holiday, and this is my favourite film to watch on it.</p></div></div>
            </div>
            """));

        var comment = Assert.Single(review.Comments);
        Assert.Equal("Diane", comment.Author);
        Assert.DoesNotContain(comment.Blocks, b => b.Text == "2");
    }
}
