using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

/// <summary>Discussion threads read as a reader sees them: the opening post is the article, every later post a comment.</summary>
public sealed class ForumThreadTests
{
    private const string Opening = "Finally got around to Moon. I loved how quiet it is, how the base hums and creaks, and how long the film lets a man sit alone with a computer for company.";

    private static string Page(string title, string thread) => $$"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>{{title}} - Film Talk</title></head>
        <body>
        <div class="navbar"><ul><li><a href="/">Board index</a></li><li><a href="/f/3">Science fiction</a></li></ul></div>
        <h2 class="topic-title"><a href="/t/512">{{title}}</a></h2>
        {{thread}}
        <div class="copyright">Powered by a forum engine.</div>
        </body></html>
        """;

    private static string PhpBbPost(int id, string user, string time, string content, string sig = "") => $"""
        <div id="p{id}" class="post has-profile bg{id % 2 + 1}"><div class="inner">
         <dl class="postprofile"><dt><a href="/u/{user}" class="username">{user}</a></dt><dd class="profile-posts"><strong>Posts:</strong> {id % 977}</dd></dl>
         <div class="postbody"><div id="post_content{id}"><h3><a href="#p{id}">Re: Moon (2009) - just watched it</a></h3>
          <p class="author"><a href="./viewtopic.php?p={id}#p{id}">Post</a> by <strong><a href="/u/{user}" class="username">{user}</a></strong> &raquo; <time datetime="{time}">{time}</time></p>
          <div class="content">{content}</div>{sig}
         </div></div>
        </div></div>
        """;

    private static Review PhpBb() => Pages.Process(Page("Moon (2009) - just watched it, thoughts?", "<div class=\"topic\">"
        + PhpBbPost(9001, "tarkovsky_jr", "2024-01-06T21:12:00+00:00", $"{Opening}<br><br>Did anyone else think the ending was a little rushed after such a patient first hour?", "<div class=\"signature\">Currently watching: everything by Tarkovsky, slowly.</div>")
        + PhpBbPost(9002, "lunar_lisa", "2024-01-06T22:40:00+00:00", "Absolutely. The model work still holds up better than most digital effects from the same year.")
        + PhpBbPost(9003, "benthic", "2024-01-07T08:05:00+00:00", "<blockquote><div><cite>lunar_lisa wrote:</cite> The model work still holds up.</div></blockquote>Agree on the model work. What got me is the score, which keeps circling the same few notes.")
        + PhpBbPost(9004, "tarkovsky_jr", "2024-01-07T09:30:00+00:00", "@benthic yes, the score is wonderful. I have had it on repeat all morning.")
        + "</div>"));

    [Fact]
    public void A_phpbb_topic_reads_its_opening_post_as_the_article_and_the_replies_as_comments()
    {
        var review = PhpBb();

        Assert.Equal([Opening, "Did anyone else think the ending was a little rushed after such a patient first hour?"], review.Texts());
        Assert.Equal("tarkovsky_jr", review.Author);
        Assert.Equal(DateTimeOffset.Parse("2024-01-06T21:12:00+00:00", System.Globalization.CultureInfo.InvariantCulture), review.PublishedAt);
        Assert.Equal(
            [("p9002", "lunar_lisa", "Absolutely. The model work still holds up better than most digital effects from the same year."),
             ("p9003", "benthic", "lunar_lisa wrote: The model work still holds up."),
             ("p9004", "tarkovsky_jr", "@benthic yes, the score is wonderful. I have had it on repeat all morning.")],
            review.Comments.Select(c => (c.Id, c.Author, c.Blocks[0].Text)).ToArray());
        Assert.Equal(new DateTimeOffset(2024, 1, 7, 8, 5, 0, TimeSpan.Zero), review.Comments[1].PublishedAt);
    }

    [Fact]
    public void A_reply_keeps_its_quote_as_a_quote_and_an_at_name_gives_its_parent()
    {
        var review = PhpBb();

        Assert.Equal([BlockKind.Quote, BlockKind.Paragraph], review.Comments[1].Blocks.Select(b => b.Kind));
        Assert.Equal([null, null, "p9003"], review.Comments.Select(c => c.ParentId));
        // The poster line, profile, subject and signature are the forum's, not the post's.
        Assert.DoesNotContain(review.AllText().Split('\n'), t => t.Contains("Posts:", StringComparison.Ordinal) || t.Contains("Currently watching", StringComparison.Ordinal) || t.StartsWith("Re: Moon", StringComparison.Ordinal));
    }

    private static string VbPost(int id, string user, string message, string title = "") => $"""
        <li class="postbitlegacy postcontainer old" id="post_{id}">
         <div class="posthead"><span class="postdate"><span class="date">March {id - 30000}, 2022</span></span><a name="post{id}" href="#post{id}" class="postcounter">#{id - 30100}</a></div>
         <div class="postdetails"><div class="userinfo"><div class="username_container"><a class="username" href="/members/{id}-{user}"><strong>{user}</strong></a></div><span class="usertitle">Member</span>
          <dl class="userinfo_extra"><dt>Join Date</dt><dd>Jun 2015</dd></dl></div>
          <div class="postbody"><div class="postrow">{title}<div class="content"><div id="post_message_{id}"><blockquote class="postcontent restore">{message}</blockquote></div></div></div></div></div>
         <div class="postfoot"><a href="/newreply?p={id}">Reply With Quote</a></div>
        </li>
        """;

    [Fact]
    public void A_vbulletin_thread_reads_its_post_text_as_paragraphs_and_bbcode_quotes_as_quotes()
    {
        var review = Pages.Process(Page("Best slow-burn thrillers?", "<div id=\"postlist\"><ol id=\"posts\">"
            + VbPost(30101, "grainyfilm", "I want a list of thrillers that take their time, where tension builds over two hours until you can barely stand it.", "<h2 class=\"title\">Best slow-burn thrillers?</h2>")
            + VbPost(30102, "noirnight", "<div class=\"bbcode_container\"><div class=\"bbcode_quote\"><div class=\"quote_container\"><div class=\"bbcode_postedby\">Originally Posted by <strong>grainyfilm</strong></div><div class=\"message\">I want a list of thrillers.</div></div></div></div>Then you need the paranoid conspiracy films of the seventies.")
            + VbPost(30103, "kelp", "A submarine film with almost no dialogue kept me on edge the whole way through.")
            + "</ol></div>"));

        var article = Assert.Single(review.Blocks);
        Assert.Equal((BlockKind.Paragraph, "I want a list of thrillers that take their time, where tension builds over two hours until you can barely stand it."), (article.Kind, article.Text));
        Assert.Equal("grainyfilm", review.Author);
        Assert.Equal([("post_30102", "noirnight"), ("post_30103", "kelp")], review.Comments.Select(c => (c.Id, c.Author)).ToArray());
        Assert.Equal(
            [(BlockKind.Quote, "Originally Posted by grainyfilm"), (BlockKind.Quote, "I want a list of thrillers."), (BlockKind.Paragraph, "Then you need the paranoid conspiracy films of the seventies.")],
            review.Comments[0].Blocks.Select(b => (b.Kind, b.Text)).ToArray());
    }

    private static string DiscoursePost(int n, string user, string when, string cooked, string replyTo = "") => $"""
        <div class="topic-post clearfix regular" data-post-number="{n}"><article id="post_{n}" data-post-id="8800{n}" class="boxed onscreen-post">
         <div class="row"><div class="topic-avatar"><a class="trigger-user-card" href="/u/{user}"><img alt="" src="/a.png"></a></div>
         <div class="topic-body clearfix"><div class="topic-meta-data"><div class="names"><span class="first username"><a href="/u/{user}">{user}</a></span></div>{replyTo}
          <div class="post-info post-date"><a class="post-date" href="/t/4412/{n}"><span class="relative-date" title="{when}">May 2</span></a></div></div>
          <div class="regular contents"><div class="cooked">{cooked}</div></div>
         </div></div></article></div>
        """;

    [Fact]
    public void A_discourse_topic_takes_post_ids_from_its_articles_and_parents_from_reply_to_tabs()
    {
        var review = Pages.Process(Page("Is the director's cut worth it?", "<div class=\"post-stream\">"
            + DiscoursePost(1, "orbit", "May 2, 2023 6:01 pm", "<p>The theatrical cut felt choppy, with whole subplots reduced to a line of dialogue.</p><p>Is the longer version worth three and a half hours?</p>")
            + DiscoursePost(2, "halcyon", "May 2, 2023 7:15 pm", "<p>Yes. The extra hour gives the villain a reason to exist.</p>")
            + DiscoursePost(3, "quasar", "May 3, 2023 9:40 am", "<aside class=\"quote\" data-username=\"halcyon\" data-post=\"2\"><div class=\"title\">halcyon:</div><blockquote><p>a reason to exist.</p></blockquote></aside><p>I disagree a little: the middle hour drags badly.</p>",
                "<a class=\"reply-to-tab\" href=\"#post_2\"><img alt=\"\" src=\"/b.png\"> halcyon</a>")
            + "</div>"));

        Assert.Equal(["The theatrical cut felt choppy, with whole subplots reduced to a line of dialogue.", "Is the longer version worth three and a half hours?"], review.Texts());
        Assert.Equal("orbit", review.Author);
        Assert.Equal(new DateTimeOffset(2023, 5, 2, 18, 1, 0, TimeSpan.Zero), review.PublishedAt);
        Assert.Equal([("post_2", null, "halcyon"), ("post_3", "post_2", "quasar")], review.Comments.Select(c => (c.Id, c.ParentId, c.Author)).ToArray());
        Assert.Contains(review.Comments[1].Blocks, b => b.Kind == BlockKind.Quote && b.Text == "a reason to exist.");
    }

    [Fact]
    public void A_question_is_the_article_and_its_answers_and_comments_are_comments()
    {
        static string Signature(string verb, string when, string user) =>
            $"<div class=\"post-signature\"><div class=\"user-info\"><div class=\"user-action-time\">{verb} <span title=\"{when}\" class=\"relativetime\">{when}</span></div><div class=\"user-details\"><a href=\"/users/5/{user}\">{user}</a><div class=\"-flair\">3,411</div></div></div></div>";
        static string Answer(int id, string text, string user, string when, string comments = "") =>
            $"<div id=\"answer-{id}\" class=\"answer js-answer\"><div class=\"post-layout\"><div class=\"votecell\">20</div><div class=\"answercell\"><div class=\"s-prose js-post-body\" itemprop=\"text\"><p>{text}</p></div>{Signature("answered", when, user)}</div>{comments}</div></div>";

        var review = Pages.Process(Page("Why does the narrator never name the town?", $"""
            <div id="mainbar">
            <div class="question js-question" id="question"><div class="post-layout"><div class="votecell">14</div><div class="postcell">
              <div class="s-prose js-post-body" itemprop="text"><p>The narrator describes the town's pier, chapel and closed cinema, but never its name.</p><p>Is this explained anywhere?</p></div>
              {Signature("asked", "2021-04-02 10:11:00Z", "pier watcher")}</div></div></div>
            <div id="answers"><h2>2 Answers</h2>
            {Answer(102, "The director said naming it would have tied it to one country.", "reel scholar", "2021-04-02 12:30:00Z",
                "<div class=\"comments\"><ul class=\"comments-list\"><li id=\"comment-7002\" class=\"comment\"><div class=\"comment-body\"><span class=\"comment-copy\">Do you have a link to that interview?</span> &ndash; <a href=\"/users/60/tidal\" class=\"comment-user\">tidal</a></div></li></ul></div>")}
            {Answer(103, "In the novel the town is named once, in a letter.", "margins", "2021-04-03 08:00:00Z")}
            </div></div>
            """));

        Assert.Equal(["The narrator describes the town's pier, chapel and closed cinema, but never its name.", "Is this explained anywhere?"], review.Texts());
        Assert.Equal("pier watcher", review.Author);
        Assert.Equal(
            [("answer-102", null, "reel scholar"), ("comment-7002", "answer-102", "tidal"), ("answer-103", null, "margins")],
            review.Comments.Select(c => (c.Id, c.ParentId, c.Author)).ToArray());
        Assert.Equal(new DateTimeOffset(2021, 4, 3, 8, 0, 0, TimeSpan.Zero), review.Comments[2].PublishedAt);
    }

    [Fact]
    public void A_plain_list_of_article_posts_is_a_thread()
    {
        static string Post(int n, string user, string text) =>
            $"<article class=\"post\" id=\"m-{n}\"><header><span class=\"author\">{user}</span> <time datetime=\"2022-11-2{n}T18:00:00Z\">2{n} Nov 2022</time></header><div class=\"body\"><p>{text}</p></div></article>";

        var review = Pages.Process(Page("Rewatching the lighthouse film", "<main><section class=\"thread\">"
            + Post(1, "gullwing", "I rewatched the lighthouse film and noticed how much of it is sound design: the foghorn, the gulls, the wind.")
            + Post(2, "oakum", "The foghorn mix is deliberately oppressive. It never lets you settle.")
            + Post(3, "keeper", "Headphones made it almost unbearable for me, in a good way.")
            + "</section></main>"));

        Assert.Equal(["I rewatched the lighthouse film and noticed how much of it is sound design: the foghorn, the gulls, the wind."], review.Texts());
        Assert.Equal([("m-2", "oakum"), ("m-3", "keeper")], review.Comments.Select(c => (c.Id, c.Author)).ToArray());
        Assert.Equal(new DateTimeOffset(2022, 11, 23, 18, 0, 0, TimeSpan.Zero), review.Comments[1].PublishedAt);
    }

    [Fact]
    public void A_reply_in_a_plain_div_post_thread_keeps_its_forum_spoiler_marked()
    {
        static string Post(int n, string user, string content) =>
            $"<div class=\"post\" id=\"post-{n}\"><div class=\"post-author\">{user}</div><div class=\"post-content\">{content}</div></div>";

        var review = Pages.Process(Page("Moon (2009) - just watched it, thoughts?", "<div class=\"posts\">"
            + Post(1, "tarkovsky_jr", "<p>Finally got around to Moon. Loved how quiet it is, and how the base hums around one man.</p>")
            + Post(2, "lunar_lisa", "<p>Absolutely. The model work still holds up.</p><p>[spoiler]The reveal that he is one of many clones[/spoiler] is one of the great sci-fi gut punches.</p>")
            + Post(3, "benthic", "<p>Agree on the model work. What got me is the score.</p>")
            + "</div>"));

        Assert.Equal(["Finally got around to Moon. Loved how quiet it is, and how the base hums around one man."], review.Texts());
        Assert.Equal("tarkovsky_jr", review.Author);
        Assert.Equal(["lunar_lisa", "benthic"], review.Comments.Select(c => c.Author));
        Assert.Equal(SpoilerLevel.Major, review.Comments[0].Blocks[1].Spoiler.Level);
        Assert.DoesNotContain("[spoiler]", review.Comments[0].Blocks[1].Text, StringComparison.Ordinal);
    }
}
