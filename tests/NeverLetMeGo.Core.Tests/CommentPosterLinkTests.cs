namespace NeverLetMeGo.Core.Tests;

/// <summary>
/// Posters and dates printed outside the byline elements comment platforms mark: WordPress themes that print the byline
/// their own way still link the poster's name as a.url with rel="external nofollow" (many name the time link
/// comment-meta-time); Movable Type signs each comment in the line after it; a forum network prints "by … on …" in a
/// line classed "by". Before, such comments had neither poster nor date (on Dragnet, 48% of comments had a poster and
/// 46% a date; 95% and 85% after).
/// </summary>
public sealed class CommentPosterLinkTests
{
    private static Model.Review WithThread(string thread) => Pages.Process(Pages.Article(Pages.ProseParagraphs(), around: thread));

    private static (string? Author, DateTimeOffset? Date)[] Signatures(Model.Review review) =>
        review.Comments.Select(c => (c.Author, c.PublishedAt)).ToArray();

    private static void AssertSingleSigned(Model.Review review, string author, DateTimeOffset date)
    {
        var comment = Assert.Single(review.Comments);
        Assert.Equal((author, date), (comment.Author!, comment.PublishedAt!.Value));
    }

    [Fact]
    public void The_innermost_poster_element_names_the_poster_not_the_byline_box_around_it_and_the_date()
    {
        var review = WithThread("""
            <ol class="commentlist"><li class="comment" id="li-comment-81313"><div id="comment-81313">
              <div class="comment-author vcard"><p class="comment-meta comment-date"><a href="#comment-81313">November 12, 2012</a></p>
              <p class="comment-name">Bob Eldridge</p></div>
              <div class="comment-body"><p>Great review, and beautifully written. It made me want to read the book again.</p></div>
            </div></li></ol>
            """);

        AssertSingleSigned(review, "Bob Eldridge", new DateTimeOffset(2012, 11, 12, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void An_unclassed_cite_before_the_text_names_the_poster_and_one_in_the_text_names_a_work()
    {
        var review = WithThread("""
            <ul id="dsq-comments">
              <li class="comment" id="dsq-comment-27607"><div class="dsq-comment-header"><cite id="dsq-cite-27607"> http://tdhurst.example/ <span id="dsq-author-user-27607">tdhurst</span></cite></div>
                <div class="dsq-comment-message"><p>I know exactly how you feel about the ending.</p></div></li>
              <li class="comment" id="dsq-comment-27608"><div class="dsq-comment-header"></div>
                <div class="dsq-comment-message"><p>Read <cite>The Remains of the Day</cite> next, it is the same kind of quiet.</p></div></li>
              <li class="comment" id="dsq-comment-27609"><cite>Britainsnotpleased 24th July 2012 - 19:58</cite>
                <div><p>The film is better than the reviews said it would be.</p></div></li>
            </ul>
            """);

        Assert.Equal(
            [("tdhurst", (DateTimeOffset?)null), (null, null), ("Britainsnotpleased", new DateTimeOffset(2012, 7, 24, 19, 58, 0, TimeSpan.Zero))],
            Signatures(review));
    }

    [Fact]
    public void A_by_line_with_a_name_alone_names_the_poster_without_the_users_number()
    {
        var review = WithThread("""
            <ul id="commentlisting"><li id="tree_40746499" class="comment"><div id="comment_40746499" class="cw">
              <div class="details"><span class="by"><span class="byby">by </span><a href="//users.example/~kermidge">kermidge <span class="uid">(2221646)</span></a></span></div>
              <div class="commentBody"><p>If this research shows what the review thinks it might, I would be open to it.</p></div>
            </div></li></ul>
            """);

        Assert.Equal("kermidge", Assert.Single(review.Comments).Author);
    }

    [Fact]
    public void The_rest_of_the_dates_own_line_is_the_poster_and_a_box_holding_the_text_is_no_byline()
    {
        var review = WithThread("""
            <ol class="commentlist">
              <li class="comment" id="comment-128069"><div class="comment_entry"><p class="cm-meta">Holly &#8212; <a href="#comment-128069" class="comment-meta-time">June 25th, 2012, 3:57 am</a></p>
                <p>I watched it after reading this and it works, though it is not a fun evening.</p></div></li>
              <li class="comment" id="comment-68267518"><div class="normal"><p>Great. The ending phones it in.</p>
                <span class="commentdate"><a href="#c68267518">#15</a> - Tue Jul 24, 2012 1:39 PM EDT</span></div></li>
            </ol>
            """);

        Assert.Equal(new[] { "Holly", null }, review.Comments.Select(c => c.Author));
        Assert.Equal(new DateTimeOffset(2012, 6, 25, 3, 57, 0, TimeSpan.Zero), review.Comments[0].PublishedAt);
    }

    [Fact]
    public void A_date_printed_after_the_name_in_the_poster_element_is_the_date_not_part_of_the_name() =>
        AssertSingleSigned(
            WithThread("""
                <ol class="commentlist"><li class="comment" id="comment-51"><div class="comment-author">Martin Edwards Aug 08, 2012 @ 16:44:30</div>
                <div class="comment-body"><p>Thanks for the tip, I will look for the film this weekend.</p></div></li></ol>
                """),
            "Martin Edwards",
            new DateTimeOffset(2012, 8, 8, 16, 44, 0, TimeSpan.Zero));

    [Fact]
    public void A_line_that_is_a_date_among_the_first_lines_dates_the_comment_and_a_sentence_with_a_date_does_not()
    {
        var review = WithThread("""
            <ol class="commentlist">
              <li class="comment" id="li-comment-65175"><div class="comment-author vcard"><a href="#comment-65175" class="comment_permalink">On September 4, 2012 at 10:43 am</a>
                <cite class="fn">Jodi Ettenberg</cite> <span class="says">said:</span></div>
                <div class="comment-body"><p>Launch will be in October, so I will be there for a week or so after it.</p></div></li>
              <li class="comment" id="li-comment-65176"><div class="comment-body"><p>I saw it on September 4, 2012 and again a year later; it holds up.</p></div></li>
            </ol>
            """);

        Assert.Equal(
            [("Jodi Ettenberg", (DateTimeOffset?)new DateTimeOffset(2012, 9, 4, 10, 43, 0, TimeSpan.Zero)), (null, null)],
            Signatures(review));
    }

    [Fact]
    public void A_poster_box_that_also_holds_the_date_names_the_poster_by_its_link()
    {
        var review = WithThread("""
            <ol class="commentlist"><li class="comment" id="comment-19210968"><div class="author_name">
              <a href="/social/Bronxdude">Bronxdude</a> <span class="comment_time">37 minutes ago (12:39 PM)</span>
              <div class="author_fans"><a href="/social/Bronxdude/fans">6508 Fans</a></div></div>
            <div class="comment-body"><p>The left must never forget the film's last scene, or so the critic says.</p></div></li></ol>
            """);

        Assert.Equal("Bronxdude", Assert.Single(review.Comments).Author);
    }

    [Fact]
    public void A_signature_line_of_the_comment_itself_gives_its_poster_and_date_and_a_replys_does_not()
    {
        var review = WithThread("""
            <ol class="commentlist">
              <li class="comment" id="li-comment-321198"><div id="comment-321198"><div class="comment-body"><p>Reading this was a productive use of my time.</p></div>
                <p class="citation">Posted by tj on November 5, 2012 at 7:56 am | <a href="#comment-321198">Permalink</a></p></div>
                <ul class="children"><li class="comment" id="li-comment-321199"><div id="comment-321199"><div class="comment-body"><p>Agreed, and the film is better than the book.</p></div></div></li></ul></li>
            </ol>
            """);

        Assert.Equal(
            [("tj", (DateTimeOffset?)new DateTimeOffset(2012, 11, 5, 7, 56, 0, TimeSpan.Zero)), (null, null)],
            Signatures(review));
    }

    [Fact]
    public void The_signature_line_after_a_comment_gives_its_poster_and_date()
    {
        var review = WithThread("""
            <h2 id="comments">Comments</h2>
            <div id="c169900"><p>Sixty degrees for a low is not autumn where I live, but the review made me want the book.</p></div>
            <p class="posted">Posted by: Ellen at September 10, 2012 11:40 AM</p>
            <div id="c169901"><p>This weather makes me weep, and so did the film, in the good way.</p></div>
            <p class="posted">Posted by: Toni at September 10, 2012 12:11 PM</p>
            """);

        Assert.Equal(
            [("Ellen", new DateTimeOffset(2012, 9, 10, 11, 40, 0, TimeSpan.Zero)), ("Toni", new DateTimeOffset(2012, 9, 10, 12, 11, 0, TimeSpan.Zero))],
            review.Comments.Select(c => (c.Author!, c.PublishedAt!.Value)).ToArray());
    }

    [Fact]
    public void A_by_line_gives_the_poster_and_date_only_when_its_rest_reads_as_a_date()
    {
        static string Comment(int id, string text, string by) =>
            $"""<div class="citem" id="comment_item_{id}"><div class="comment"><div class="cbody"><p>{text}</p></div><p class="by">{by} <a href="#" class="reply_link">reply</a></p></div></div>""";

        var review = WithThread("<div id=\"comments\">"
            + Comment(1, "Yeah, well, that is just your opinion of the ending, man.", "by <a href=\"/users/bw\">BW Smith</a> on <span class=\"time\">Aug 9, 2012 10:21 AM EDT</span>")
            + Comment(2, "I watched it again and liked it more the second time.", "by the way on the second viewing")
            + "</div>");

        Assert.Equal(
            [("BW Smith", (DateTimeOffset?)new DateTimeOffset(2012, 8, 9, 10, 21, 0, TimeSpan.Zero)), (null, null)],
            Signatures(review));
    }

    [Fact]
    public void The_posters_site_link_and_the_meta_time_link_give_the_poster_and_the_date()
    {
        var review = WithThread("""
            <ol class="commentlist">
              <li class="comment" id="comment-128040"><div id="div-comment-128040"><div class="comment_meta"><img class="avatar" src="/a.png" alt=""></div>
                <div class="comment_entry"><p class="cm-meta"><a href="http://tea.example" rel="external nofollow" class="url">Erin</a> &#8212; <a href="#comment-128040" class="comment-meta-time">June 25th, 2012, 12:21 am</a></p>
                <p>Great review, and the last scene on the beach is as good as you say it is.</p></div></div></li>
            </ol>
            """);

        AssertSingleSigned(review, "Erin", new DateTimeOffset(2012, 6, 25, 0, 21, 0, TimeSpan.Zero));
    }

    [Fact]
    public void A_poster_link_inside_the_text_box_leaves_the_box_as_the_comments_body()
    {
        var review = WithThread("""
            <div id="comments">
              <div class="comment even depth-1" id="comment-4226706"><p class="comment-number">2</p>
                <div class="comment-text"><h4><a href="http://wife.example" rel="external nofollow" class="url">Diane</a></h4>
                <p>Thanksgiving is my favourite holiday, and this is my favourite film to watch on it.</p></div></div>
            </div>
            """);

        var comment = Assert.Single(review.Comments);
        Assert.Equal("Diane", comment.Author);
        Assert.DoesNotContain(comment.Blocks, b => b.Text == "2");
    }
}
