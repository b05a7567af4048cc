namespace NeverLetMeGo.Core.Tests;

/// <summary>
/// A thread box that holds nothing but its heading (Movable Type's div.commentform around h2#comments) heads the comments
/// printed after it, each ending with its "Posted by" line; a box's own chrome and a story list's comment counts are no
/// comments.
/// </summary>
public sealed class HeadingBoxThreadTests
{
    private static string Comment(string text, string poster, string date) => $"""
        <div class="commentbody"><p>{text}</p><p class="posted">Posted by: {poster} at <a href="#c1">{date}</a></p><hr class="comment-separator"></div>
        """;

    [Fact]
    public void Comments_after_a_box_holding_only_the_threads_heading_are_read_with_their_posters()
    {
        var review = Pages.Process(Pages.Article(Pages.ProseParagraphs(), around: """<div class="commentform"><h2 id="comments">Comments</h2></div>"""
            + Comment("Recommended! I saw it twice and the second time was better.", "Matt Palmer", "November 13, 2012 6:31 AM")
            + Comment("Also recommended, though the middle drags a little.", "Ryan", "November 13, 2012 6:33 AM")));

        Assert.Equal(Pages.Prose, review.Texts());
        Assert.Equal(
            [("Matt Palmer", "Recommended! I saw it twice and the second time was better."), ("Ryan", "Also recommended, though the middle drags a little.")],
            review.Comments.Select(c => (c.Author ?? "", string.Join(" ", c.Blocks.Select(b => b.Text)))).ToArray());
        Assert.Equal(new DateTimeOffset(2012, 11, 13, 6, 33, 0, TimeSpan.Zero), review.Comments[1].PublishedAt);
    }

    [Fact]
    public void A_block_named_as_the_threads_heading_heads_the_comments_each_signed_by_its_numbered_footer_however_short()
    {
        // Movable Type's default template: div.comments-head, then a div.comments-body per comment.
        static string Body(string text, int number, string poster) =>
            $"""<div class="comments-body"><p>{text}</p><span class="comments-post">Comment #{number} - Posted by: {poster} at November 10, 2012  5:{38 + number} PM</span></div>""";

        var review = Pages.Process(Pages.Article(Pages.ProseParagraphs(), around: """<div class="comments-head"><a name="comments"></a>Comments</div>"""
            + Body("Well, this one is going to hurt. Looking forward to it though.", 1, "MattPatt") + Body("RIP", 2, "Drew")
            + Body("Thank you for the write-up; the middle section is the best part.", 3, "Kurt M/39/185")));

        Assert.Equal(Pages.Prose, review.Texts());
        Assert.Equal(
            [("MattPatt", "Well, this one is going to hurt. Looking forward to it though."), ("Drew", "RIP"), ("Kurt M/39/185", "Thank you for the write-up; the middle section is the best part.")],
            review.Comments.Select(c => (c.Author ?? "", string.Join(" ", c.Blocks.Select(b => b.Text)))).ToArray());
        Assert.Equal(new DateTimeOffset(2012, 11, 10, 17, 40, 0, TimeSpan.Zero), review.Comments[1].PublishedAt);
    }

    [Fact]
    public void A_closed_threads_notice_after_an_empty_box_is_no_comment()
    {
        var review = Pages.Process(Pages.Article(Pages.ProseParagraphs(), around: """
            <div class="comments" id="all-comments"><h3 class="comments-header">Comments</h3><div class="comments-content"></div></div>
            <p class="comments-closed">The comments to this entry are closed.</p>
            """));

        Assert.Empty(review.Comments);
    }

    [Fact]
    public void A_count_of_comments_beside_a_story_in_a_list_heads_nothing()
    {
        var review = Pages.Process(Pages.Article(Pages.ProseParagraphs(), around: """
            <div class="most-commented"><ul>
              <li><div class="comments">309 Comments</div><a href="/other-story">Why some users are happy to be inept</a></li>
              <li><div class="comments">203 Comments</div><a href="/another-story">A vanishing tablet</a></li>
            </ul></div>
            """));

        Assert.Empty(review.Comments);
    }
}
