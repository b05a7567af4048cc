using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

public sealed class CommentTests
{
    private static Review WithComments(string thread) => Pages.Process(Pages.Article(Pages.ProseParagraphs(), around: thread));

    private const string WordPressThread = """
        <div id="comments" class="comments-area">
          <h2 class="comments-title">2 thoughts on &ldquo;A review&rdquo;</h2>
          <ol class="comment-list">
            <li id="comment-101" class="comment even depth-1 parent">
              <article id="div-comment-101" class="comment-body">
                <footer class="comment-meta"><div class="comment-author vcard"><img alt="avatar" src="a.png"> <b class="fn">Ryan M.</b> <span class="says">says:</span></div>
                <div class="comment-metadata"><a href="#comment-101"><time datetime="2011-01-10T10:02:44-05:00">January 10, 2011 at 10:02 am</time></a></div></footer>
                <div class="comment-content"><p>First comment, first paragraph.</p><p>First comment, second paragraph.</p></div>
                <div class="reply"><a class="comment-reply-link" href="?replytocom=101#respond">Reply</a></div>
              </article>
              <ol class="children">
                <li id="comment-102" class="comment odd depth-2">
                  <article id="div-comment-102" class="comment-body">
                    <footer class="comment-meta"><div class="comment-author vcard"><b class="fn"><a href="https://x.example/">Lauren</a></b> <span class="says">says:</span></div>
                    <div class="comment-metadata"><a href="#comment-102"><time datetime="2011-01-10T11:37:09-05:00">January 10, 2011 at 11:37 am</time></a></div></footer>
                    <div class="comment-content"><p>A reply to Ryan.</p></div>
                    <div class="reply"><a class="comment-reply-link" href="?replytocom=102#respond">Reply</a></div>
                  </article>
                </li>
              </ol>
            </li>
          </ol>
          <div id="respond" class="comment-respond"><h3 id="reply-title">Leave a Reply</h3><form id="commentform"><textarea name="comment"></textarea><p class="form-submit"><input type="submit" value="Post Comment"></p></form></div>
        </div>
        """;

    [Fact]
    public void WordPress_comments_keep_their_reply_tree_authors_and_times()
    {
        var review = WithComments(WordPressThread);

        Assert.Equal(
            [("comment-101", null, "Ryan M."), ("comment-102", "comment-101", "Lauren")],
            review.Comments.Select(c => (c.Id, c.ParentId, c.Author)).ToArray());
        Assert.Equal(DateTimeOffset.Parse("2011-01-10T10:02:44-05:00", System.Globalization.CultureInfo.InvariantCulture), review.Comments[0].PublishedAt);
        Assert.Equal(["First comment, first paragraph.", "First comment, second paragraph."], review.Comments[0].Blocks.Select(b => b.Text));
        Assert.Equal([0, 1], review.Comments[0].Blocks.Select(b => b.Index));
    }

    [Fact]
    public void Comment_text_never_reaches_the_article_and_bylines_never_reach_comments()
    {
        var review = WithComments(WordPressThread);

        var article = string.Join("\n", review.Texts());
        Assert.DoesNotContain("comment", article, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Leave a Reply", article, StringComparison.Ordinal);
        var comments = string.Join("\n", review.Comments.SelectMany(c => c.Blocks).Select(b => b.Text));
        Assert.DoesNotContain("says", comments, StringComparison.Ordinal);
        Assert.DoesNotContain("Reply", comments, StringComparison.Ordinal);
        Assert.DoesNotContain("2011", comments, StringComparison.Ordinal);
    }

    [Fact]
    public void WordPress_com_comments_take_the_inner_comment_id_and_written_dates()
    {
        var review = WithComments("""
            <ol class="commentlist">
              <li class="comment depth-1" id="li-comment-5">
                <div id="comment-5" class="comment-body">
                  <div class="comment-author vcard"><cite class="fn">Josh</cite> <span class="says">says:</span></div>
                  <div class="comment-meta commentmetadata"><a href="#comment-5">January 5, 2011 at 3:15 pm</a></div>
                  <p>This one devastates me.</p>
                  <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div>
                </div>
                <ul class="children">
                  <li class="comment depth-2" id="li-comment-6"><div id="comment-6" class="comment-body">
                    <div class="comment-author vcard"><cite class="fn">Melissa</cite> <span class="says">says:</span></div>
                    <div class="comment-meta commentmetadata"><a href="#comment-6">January 6, 2011 at 12:05 am</a></div>
                    <p>Ha ha, the premise is the same.</p>
                  </div></li>
                </ul>
              </li>
            </ol>
            """);

        Assert.Equal([("comment-5", null), ("comment-6", "comment-5")], review.Comments.Select(c => (c.Id, c.ParentId)).ToArray());
        Assert.Equal(new DateTimeOffset(2011, 1, 5, 15, 15, 0, TimeSpan.Zero), review.Comments[0].PublishedAt);
        Assert.Equal(new DateTimeOffset(2011, 1, 6, 0, 5, 0, TimeSpan.Zero), review.Comments[1].PublishedAt);
        Assert.Equal(["This one devastates me."], review.Comments[0].Blocks.Select(b => b.Text));
        Assert.Equal(BlockKind.Paragraph, review.Comments[0].Blocks[0].Kind);
    }

    [Fact]
    public void A_comment_body_beside_its_byline_is_the_text_and_the_byline_is_the_author()
    {
        var review = WithComments("""
            <section id="comments">
              <div class="comment" id="comment-901"><p class="name">jules</p><div class="comment-body"><p>The lobotomy ending destroyed me.</p></div></div>
              <div class="comment" id="comment-902"><p class="name">ant</p><div class="comment-body"><p>Need to rewatch this one.</p></div></div>
            </section>
            """);

        Assert.Equal(["jules", "ant"], review.Comments.Select(c => c.Author));
        Assert.Equal(["The lobotomy ending destroyed me."], review.Comments[0].Blocks.Select(b => b.Text));
        Assert.Equal(["Need to rewatch this one."], review.Comments[1].Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Votes_scores_and_action_links_are_no_part_of_a_comment()
    {
        var review = WithComments("""
            <div class="commentarea">
              <div class="thing comment" id="thing_t1_c1"><div class="entry">
                <p class="tagline"><a class="author">user_one</a> <span class="score">2,304 points</span></p>
                <form class="usertext"><div class="usertext-body"><div class="md"><p>The silence before the sound hits was incredible.</p></div></div></form>
                <ul class="flat-list buttons"><li><a>permalink</a></li><li><a>reply</a></li></ul>
              </div></div>
              <div class="thing comment" id="thing_t1_c2"><div class="entry">
                <p class="tagline"><a class="author">user_two</a></p>
                <p>Downey deserves the Oscar.</p><div class="votes">8 votes</div>
              </div></div>
            </div>
            """);

        Assert.Equal(["user_one", "user_two"], review.Comments.Select(c => c.Author));
        Assert.Equal(["The silence before the sound hits was incredible."], review.Comments[0].Blocks.Select(b => b.Text));
        Assert.Equal(["Downey deserves the Oscar."], review.Comments[1].Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Blogger_threads_nest_replies_through_comment_replies()
    {
        var review = WithComments("""
            <div class="comments" id="comments"><h4>2 comments:</h4>
              <div class="comment-thread"><ol>
                <li class="comment" id="c1234567"><div class="comment-block">
                  <div class="comment-header"><cite class="user"><a href="#">Ann</a></cite><span class="datetime secondary-text"><a href="#c1234567">March 3, 2012 at 10:15 AM</a></span></div>
                  <p class="comment-content">Lovely write-up.</p>
                  <span class="comment-actions secondary-text"><a href="#">Reply</a></span>
                </div>
                <div class="comment-replies"><div class="comment-thread inline-thread"><ol>
                  <li class="comment" id="c7654321"><div class="comment-block">
                    <div class="comment-header"><cite class="user">John C.</cite><span class="datetime"><a href="#">March 4, 2012 at 9:00 PM</a></span></div>
                    <p class="comment-content">Thanks, Ann!</p>
                  </div></li>
                </ol></div></div></li>
              </ol></div>
            </div>
            """);

        Assert.Equal([("c1234567", null, "Ann"), ("c7654321", "c1234567", "John C.")], review.Comments.Select(c => (c.Id, c.ParentId, c.Author)).ToArray());
        Assert.Equal(new DateTimeOffset(2012, 3, 4, 21, 0, 0, TimeSpan.Zero), review.Comments[1].PublishedAt);
        Assert.Equal(["Lovely write-up."], review.Comments[0].Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Classic_blogger_comment_blocks_pair_each_author_with_the_body_after_it()
    {
        var review = WithComments("""
            <div id="comments"><h4>2 comments:</h4>
              <dl id="comments-block">
                <dt class="comment-author" id="c111111"><a name="c111111"></a><a href="#">Mark</a> said...</dt>
                <dd class="comment-body"><p>Great review.</p></dd>
                <dd class="comment-footer"><span class="comment-timestamp"><a href="#c111111" title="comment permalink">September 21, 2010 10:12 AM</a></span></dd>
                <dt class="comment-author" id="c222222">Kim said...</dt>
                <dd class="comment-body"><p>I disagree about the ending.</p></dd>
              </dl>
            </div>
            """);

        Assert.Equal([("Mark", "Great review."), ("Kim", "I disagree about the ending.")], review.Comments.Select(c => (c.Author, c.Blocks.Single().Text)).ToArray());
        Assert.Equal(new DateTimeOffset(2010, 9, 21, 10, 12, 0, TimeSpan.Zero), review.Comments[0].PublishedAt);
    }

    [Fact]
    public void A_thread_that_marks_both_halves_of_a_dt_dd_pair_as_comments_reads_each_comment_once()
    {
        var review = WithComments("""
            <div id="comments"><dl id="comment_list">
              <dt class="comment depth-1 parent" id="comment-1"><span class="comment_author"><a href="#">Hesham</a></span></dt>
              <dd class="comment depth-1 parent"><div class="format_text"><p>Show us how to build a box.</p></div>
                <dl class="children">
                  <dt class="comment depth-2" id="comment-2"><span class="comment_author">Jason</span></dt>
                  <dd class="comment depth-2"><div class="format_text"><p>Ditto on the above.</p></div></dd>
                </dl>
              </dd>
              <dt class="comment depth-1" id="comment-3"><span class="comment_author">Johan</span></dt>
              <dd class="comment depth-1"><div class="format_text"><p>And a skin, please.</p></div></dd>
            </dl></div>
            """);

        Assert.Equal(
            [("comment-1", null, "Hesham", "Show us how to build a box."), ("comment-2", "comment-1", "Jason", "Ditto on the above."), ("comment-3", null, "Johan", "And a skin, please.")],
            review.Comments.Select(c => (c.Id, c.ParentId, c.Author, c.Blocks.Single().Text)).ToArray());
        Assert.DoesNotContain(review.Texts(), t => t.Contains("skin", StringComparison.Ordinal));
    }

    [Fact]
    public void Disqus_static_markup_is_read_with_its_replies()
    {
        var review = WithComments("""
            <div id="disqus_thread"><ul id="post-list">
              <li class="post" id="post-111"><div class="post-content">
                <div class="post-byline"><span class="author">Zed</span></div>
                <div class="post-meta"><a class="time-ago" title="Monday, January 10, 2011 10:02 AM">3 years ago</a></div>
                <div class="post-body"><div class="post-message"><p>Disqus comment text.</p></div></div>
              </div>
              <ul class="children"><li class="post" id="post-112"><div class="post-content">
                <div class="post-byline"><span class="author">Yan</span></div>
                <div class="post-body"><div class="post-message"><p>Disqus reply text.</p></div></div>
              </div></li></ul></li>
            </ul></div>
            """);

        Assert.Equal([("post-111", null, "Zed"), ("post-112", "post-111", "Yan")], review.Comments.Select(c => (c.Id, c.ParentId, c.Author)).ToArray());
        Assert.Equal(new DateTimeOffset(2011, 1, 10, 10, 2, 0, TimeSpan.Zero), review.Comments[0].PublishedAt);
        Assert.DoesNotContain("Disqus", string.Join(" ", review.Texts()), StringComparison.Ordinal);
    }

    [Fact]
    public void Generic_comment_containers_get_positional_ids_and_unknown_times_are_null()
    {
        var review = WithComments("""
            <section class="comments"><div class="comment"><span class="comment-author">Pat</span><p>Generic one.</p></div><div class="comment"><p>Generic two.</p></div></section>
            """);

        Assert.Equal([("c1", "Pat", "Generic one."), ("c2", null, "Generic two.")], review.Comments.Select(c => (c.Id, c.Author, c.Blocks.Single().Text)).ToArray());
        Assert.All(review.Comments, c => Assert.Null(c.PublishedAt));
    }

    [Fact]
    public void A_reply_to_an_empty_comment_hangs_on_the_nearest_kept_ancestor()
    {
        var review = WithComments("""
            <ol class="comment-list"><li id="comment-1" class="comment"><div class="comment-content"><p>Top.</p></div>
              <ol class="children"><li id="comment-2" class="comment"><div class="comment-content"></div>
                <ol class="children"><li id="comment-3" class="comment"><div class="comment-content"><p>Deep reply.</p></div></li></ol>
              </li></ol></li></ol>
            """);

        Assert.Equal([("comment-1", null), ("comment-3", "comment-1")], review.Comments.Select(c => (c.Id, c.ParentId)).ToArray());
    }

    [Fact]
    public void A_comment_carries_its_own_spoiler_warning()
    {
        var review = WithComments("""
            <ol class="comment-list"><li id="comment-7" class="comment"><div class="comment-content">
              <p>Spoiler alert: I am going to talk about the ending.</p><p>Tommy and Kathy are refused.</p></div></li>
            <li id="comment-8" class="comment"><div class="comment-content"><p>A harmless reply.</p></div></li></ol>
            """);

        var warned = review.Comments[0].Blocks;
        Assert.True(warned[0].Spoiler.Warning);
        Assert.Equal(SpoilerLevel.Major, warned[1].Spoiler.Level);
        Assert.Equal(SpoilerTag.Clean, review.Comments[1].Blocks[0].Spoiler);
        Assert.False(review.ContainsSpoilers);
    }

    [Fact]
    public void Movable_type_threads_after_a_comments_heading_are_cut_at_their_footers()
    {
        var review = Pages.Process($$"""
            <html><head><title>A review</title></head><body><div id="content"><div class="blog">
            {{Pages.ProseParagraphs()}}
            <p class="posted">Posted by Leah at January 9, 2011 9:01 AM</p>
            <h2><a id="comments"></a>Comments</h2>
            <a id="c63886394"></a>
            <p>Priceless, and the ending is devastating.</p>
            <p class="posted">Posted by: <a href="https://atmos.example/">atmos</a> | Jan 10, 2011 10:19:46 PM</p>
            <a id="c63889422"></a>
            <p>Great post.</p><p>The book is better, as always.</p>
            <p class="posted">Posted by: Jon at January 10, 2011 11:21 PM</p>
            <h2>Post a comment</h2>
            </div></div></body></html>
            """);

        Assert.Equal(Pages.Prose, review.Texts().Take(3));
        Assert.DoesNotContain(review.Texts(), t => t.Contains("Posted by:", StringComparison.Ordinal) || t.Contains("Priceless", StringComparison.Ordinal));
        Assert.Equal([("atmos", "Priceless, and the ending is devastating."), ("Jon", "Great post.")],
            review.Comments.Select(c => (c.Author, c.Blocks[0].Text)).ToArray());
        Assert.Equal(new DateTimeOffset(2011, 1, 10, 23, 21, 0, TimeSpan.Zero), review.Comments[1].PublishedAt);
    }

    [Theory]
    [InlineData("<h3>12 Responses to &ldquo;A review&rdquo;</h3>")]
    [InlineData("<h3>3 thoughts on \"A review\"</h3>")]
    [InlineData("<h3 id=\"comments\">Reader comments</h3>")]
    [InlineData("<h3>One Response to &ldquo;A review&rdquo;</h3>")]
    [InlineData("<h3>1 Response</h3>")]
    [InlineData("<h3>Responses</h3>")]
    public void Anything_after_a_comment_heading_leaves_the_article(string heading)
    {
        var review = WithComments($"{heading}<div class=\"thread\"><div class=\"comment\" id=\"comment-7\"><p>The clones deserved better, I think.</p></div></div><p class=\"note\">Comments are moderated.</p>");

        Assert.DoesNotContain(review.Texts(), t => t.Contains("clones deserved", StringComparison.Ordinal) || t.Contains("moderated", StringComparison.Ordinal));
        Assert.Equal("The clones deserved better, I think.", Assert.Single(review.Comments).Blocks[0].Text);
    }

    [Theory]
    [InlineData("Thoughts on Carol")]
    [InlineData("Response to a critic")]
    [InlineData("Comments on a quiet film")]
    public void A_post_titled_like_a_thread_heading_stays_the_article(string title)
    {
        // A bare page: no article element, no content class; the title heading opens the post, not a comment thread.
        var html = $$"""
            <!DOCTYPE html><html><head><title>{{title}}</title></head><body>
            <div id="main"><div class="post"><h2>{{title}}</h2><p class="byline">By Daniel Webb</p>
            {{Pages.ProseParagraphs()}}
            </div></div></body></html>
            """;

        var review = Pages.Process(html);

        Assert.All(Pages.Prose, p => Assert.Contains(p, review.Texts()));
        Assert.Empty(review.Comments);
    }

    [Theory]
    [InlineData("Response")]
    [InlineData("Comment")]
    public void A_section_headed_by_a_bare_singular_thread_word_stays_the_article(string heading)
    {
        // A web API's walk-through has its "Request" and "Response" sections, a critic's column its "Comment": without a
        // count ("1 Response") or a plural ("Comments"), such a heading names the article's own section.
        var html = $$"""
            <!DOCTYPE html><html><head><title>This API is so fetching</title></head><body>
            <article class="post"><h1>This API is so fetching</h1>
            <h2>Request</h2><p>A request names the resource to fetch, the method to use and the headers to send, and it may carry a body.</p>
            <p>Requests are made with a constructor, and a request can be cloned before it is sent, since its body can be read only once.</p>
            <h2>{{heading}}</h2><p>Response instances are returned by calls to fetch, and they can also be made by scripts for a service worker.</p>
            <p>A response has a status, a status text and headers, and its body is read as text, as JSON or as a blob, once.</p>
            </article></body></html>
            """;

        var review = Pages.Process(html);

        Assert.Contains(review.Texts(), t => t.StartsWith("Response instances are returned", StringComparison.Ordinal));
        Assert.Contains(review.Texts(), t => t.StartsWith("A response has a status", StringComparison.Ordinal));
        Assert.Empty(review.Comments);
    }

    [Fact]
    public void Hubpages_like_comments_give_author_and_text()
    {
        var review = WithComments("""
            <div id="comments" class="comments"><h3>Comments</h3>
              <div class="hubcomment" id="hc-301"><div class="comment-author"><a href="/u/kath">Kath</a></div>
                <div class="comment-text"><p>Beautifully put; I cried at the end too.</p></div><span class="comment-date">2 years ago</span></div>
              <div class="hubcomment" id="hc-302"><div class="comment-author">Miss Emily</div>
                <div class="comment-text"><p>The book explains the Gallery better.</p></div></div>
            </div>
            """);

        Assert.Equal([("Kath", "Beautifully put; I cried at the end too."), ("Miss Emily", "The book explains the Gallery better.")],
            review.Comments.Select(c => (c.Author, c.Blocks.Single().Text)).ToArray());
        Assert.DoesNotContain(review.Texts(), t => t.Contains("Gallery", StringComparison.Ordinal));
    }

    [Fact]
    public void Reddit_like_trees_hold_replies_in_a_child_div()
    {
        static string Comment(string id, string user, string text, string children = "") =>
            $"<div class=\"thing comment\" id=\"thing_t1_{id}\"><div class=\"entry\"><p class=\"tagline\"><a href=\"/user/{user}\" class=\"author\">{user}</a></p><div class=\"md\"><p>{text}</p></div></div><div class=\"child\">{children}</div></div>";

        var review = Pages.Process(Pages.Article(Pages.ProseParagraphs(), around: "<div class=\"commentarea\"><div class=\"sitetable nestedlisting\">"
            + Comment("a1", "first_user", "Top-level comment text.", Comment("a2", "second_user", "A nested reply.") + Comment("a3", "third_user", "Another nested reply."))
            + Comment("a4", "fourth_user", "Second top-level comment.")
            + "</div></div>"));

        Assert.Equal(Pages.Prose, review.Texts());
        Assert.Equal([null, "thing_t1_a1", "thing_t1_a1", null], review.Comments.Select(c => c.ParentId));
        Assert.Equal(
            [("first_user", "Top-level comment text."), ("second_user", "A nested reply."), ("third_user", "Another nested reply."), ("fourth_user", "Second top-level comment.")],
            review.Comments.Select(c => (c.Author, c.Blocks[0].Text)).ToArray());
    }
}
