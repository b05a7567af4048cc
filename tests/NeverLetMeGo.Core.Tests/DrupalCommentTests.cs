namespace NeverLetMeGo.Core.Tests;

/// <summary>
/// Comment threads as Drupal prints them, one generation after another: the byline as one "Submitted by … on …" line
/// (6), the replies in a div.indented after their comment (7), BEM class names such as comment__author (8 and later).
/// Before, the first gave no poster for an anonymous comment and no dates, the second no reply, the third neither
/// poster nor date.
/// </summary>
public sealed class DrupalCommentTests
{
    private static readonly DateTimeOffset Monday = new(2011, 3, 14, 10, 22, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Tuesday = new(2011, 3, 15, 8, 1, 0, TimeSpan.Zero);

    [Fact]
    public void A_submitted_line_gives_the_poster_and_the_date_and_is_no_text()
    {
        var review = Pages.Process(Pages.Article(Pages.ProseParagraphs(), around: """
            <div id="comments"><h2 class="comments">Comments</h2>
            <div class="comment comment-published odd"><h3><a href="/node/4#comment-5">Loved it</a></h3>
              <div class="submitted">Submitted by <a href="/user/3" class="username">Jane Holt</a> on Mon, 2011-03-14 10:22.</div>
              <div class="content"><p>I cried at the end and I am not ashamed of it, the last scene on the beach is perfect.</p></div></div>
            <div class="comment comment-published even"><h3><a href="/node/4#comment-6">Same here</a></h3>
              <div class="submitted">Submitted by Tom (not verified) on Tue, 2011-03-15 08:01.</div>
              <div class="content"><p>Same here, the book is even sadder though.</p></div></div>
            </div>
            """));

        Assert.Equal(Pages.Prose, review.Texts());
        Assert.Equal([("Jane Holt", Monday), ("Tom", Tuesday)], review.Comments.Select(c => (c.Author!, c.PublishedAt!.Value)).ToArray());
        Assert.DoesNotContain(review.Comments.SelectMany(c => c.Blocks), b => b.Text.StartsWith("Submitted by", StringComparison.Ordinal));
    }

    [Fact]
    public void Replies_printed_after_their_comment_in_an_indented_box_answer_it()
    {
        var review = Pages.Process(Pages.Article(Pages.ProseParagraphs(), around: """
            <div id="comments" class="comment-wrapper"><h2 class="title">Comments</h2>
            <div class="comment clearfix" id="comment-12"><p class="comment-time">Mon, 03/14/2011 - 10:22</p>
              <div class="content"><p>I cried at the end and I am not ashamed of it, the last scene on the beach is perfect.</p></div></div>
            <div class="indented"><div class="comment clearfix" id="comment-13"><p class="comment-time">Tue, 03/15/2011 - 08:01</p>
              <div class="content"><p>Same here, the book is even sadder though.</p></div></div></div>
            <div class="comment clearfix" id="comment-14"><div class="content"><p>A third view, not a reply: the film is too slow for me.</p></div></div>
            </div>
            """));

        Assert.Equal(
            [("comment-12", null), ("comment-13", "comment-12"), ("comment-14", null)],
            review.Comments.Select(c => (c.Id, c.ParentId)).ToArray());
    }

    [Fact]
    public void Block_element_class_names_mark_the_poster_the_date_and_the_chrome()
    {
        var review = Pages.Process(Pages.Article(Pages.ProseParagraphs(), around: """
            <section class="comments"><h2 class="comments__title">Comments</h2>
            <article id="comment-7" class="comment js-comment by-anonymous"><div class="comment__text-wrapper">
              <footer class="comment__meta"><p class="comment__author"><span>Jane Holt</span></p><p class="comment__time">Mon, 03/14/2011 - 10:22</p></footer>
              <div class="comment__content"><div class="field--name-comment-body"><p>I cried at the end and I am not ashamed of it, the last scene on the beach is perfect.</p></div></div>
              <ul class="links inline comment__links"><li class="comment-reply"><a href="/comment/reply/node/4/comment/7">Reply</a></li></ul>
            </div></article></section>
            """));

        var comment = Assert.Single(review.Comments);
        Assert.Equal(("Jane Holt", Monday), (comment.Author!, comment.PublishedAt!.Value));
        Assert.Equal(["I cried at the end and I am not ashamed of it, the last scene on the beach is perfect."], comment.Blocks.Select(b => b.Text));
    }
}
