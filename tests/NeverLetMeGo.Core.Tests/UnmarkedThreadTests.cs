namespace NeverLetMeGo.Core.Tests;

/// <summary>
/// A thread container whose comments carry no markup of their own (a hand-made site's div#comments of styled divs: a
/// bold name, a date, the text, a hidden reply form after each). Before, the container was found and no comment in it.
/// </summary>
public sealed class UnmarkedThreadTests
{
    private const string Thread = """
        <div style="margin-top:10px"><div class="box-header">2 Responses to "A review"</div>
        <div id="comments_container" style="padding:10px"><div id="comments_displayed">
          <a name="90977"></a>
          <div style="background:#efefef;padding:10px"><div style="float:left"><b>Nash</b></div><div style="float:right">10/31/2012</div>
            <div style="margin-top:10px">I watched it twice and the second viewing was better; the score carries the last act.</div>
            <div class="comment_reply_link"><a href="#" class="comment-reply-link">reply to this comment</a></div></div>
          <div style="display:none" class="comment-reply-form"><form action="/reply"><input name="name"> <textarea name="comment"></textarea></form></div>
          <a name="90978"></a>
          <div style="background:#efefef;padding:10px"><div style="float:left"><b>Mark</b></div><div style="float:right">10/03/2012</div>
            <div style="margin-top:10px">Great review, though I liked the book more than the film and its quiet ending.</div></div>
          <div style="display:none" class="comment-reply-form"><form action="/reply"><input name="name"> <textarea name="comment"></textarea></form></div>
        </div></div></div>
        """;

    [Fact]
    public void The_repeated_children_of_a_thread_container_are_its_comments_with_their_bold_names_and_dates()
    {
        var review = Pages.Process(Pages.Article(Pages.ProseParagraphs(), around: Thread));

        Assert.Equal(Pages.Prose, review.Texts());
        Assert.Equal(
            [("Nash", new DateTimeOffset(2012, 10, 31, 0, 0, 0, TimeSpan.Zero)), ("Mark", new DateTimeOffset(2012, 10, 3, 0, 0, 0, TimeSpan.Zero))],
            review.Comments.Select(c => (c.Author!, c.PublishedAt!.Value)).ToArray());
        Assert.Contains(review.Comments[0].Blocks, b => b.Text.StartsWith("I watched it twice", StringComparison.Ordinal));
        Assert.DoesNotContain(review.Comments.SelectMany(c => c.Blocks), b => b.Text.Contains("reply to this comment", StringComparison.Ordinal));
    }

    [Theory]
    // A widget of the latest comments elsewhere: each item is a name and a link, nothing said.
    [InlineData("""<div id="recent-comments"><ul><li>Ann on <a href="/a">Never Let Me Go</a></li><li>Bo on <a href="/b">Remains of the Day</a></li><li>Cy on <a href="/c">Klara and the Sun</a></li></ul></div>""")]
    // A feed of posts in a box named for discussion: each item says something, none is signed.
    [InlineData("""<div id="comments"><ul><li>Saudis threaten retaliation if the harassment of oil assets continues this winter</li><li>Shale gas has a large potential, the cartel says in its yearly outlook for the markets</li></ul></div>""")]
    // A thread container that holds only its form and a note.
    [InlineData("""<div id="comments"><p>Be the first to comment on this review.</p><form action="/c"><label>Name</label> <input name="n"> <textarea name="t"></textarea></form></div>""")]
    public void A_thread_container_without_repeated_remarks_gives_no_comment(string around)
    {
        var review = Pages.Process(Pages.Article(Pages.ProseParagraphs(), around: around));

        Assert.Empty(review.Comments);
        Assert.Equal(Pages.Prose, review.Texts());
    }
}
