namespace NeverLetMeGo.Core.Tests;

/// <summary>Pages that repeat a "post" markup without being a discussion: they stay as they were read before threads.</summary>
public sealed class ForumThreadGuardTests
{
    private static readonly (string Slug, string Title, string Author, string Excerpt)[] Posts =
    [
        ("never-let-me-go", "Never Let Me Go", "Leah", "A patient, grey and affecting adaptation that trusts its actors and its silences more than its plot."),
        ("moon", "Moon", "Leah", "A lonely man, a humming base and one of the best model-work films of its decade, quietly told."),
        ("carol", "Carol", "Sam", "Glances, gloves and a train window: a love story told almost entirely by looking at each other."),
        ("solaris", "Solaris", "Sam", "Long, strange and beautiful, with a space station that feels lived in and haunted by grief."),
    ];

    private static string FrontPage(Func<(string Slug, string Title, string Author, string Excerpt), string> post) => $"""
        <!DOCTYPE html><html><head><title>Reel Notes - film reviews</title></head><body>
        <div id="header"><h1><a href="/">Reel Notes</a></h1></div>
        <div id="main">{string.Concat(Posts.Select(post))}</div>
        <div id="sidebar"><h3>Archives</h3><ul><li><a href="/2011/01/">January 2011</a></li><li><a href="/2010/12/">December 2010</a></li></ul></div>
        </body></html>
        """;

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void A_blog_front_page_of_teasers_is_not_a_thread(bool headlineLinks, bool readMore)
    {
        var review = Pages.Process(FrontPage(p => $"""
            <div class="post" id="post-{p.Slug}">
              <h2 class="post-title">{(headlineLinks ? $"<a href=\"/2011/01/{p.Slug}/\">{p.Title}</a>" : p.Title)}</h2>
              <div class="post-author">by <a href="/author/{p.Author}/">{p.Author}</a></div>
              <div class="post-body"><p>{p.Excerpt}</p>{(readMore ? $"<a class=\"more-link\" href=\"/2011/01/{p.Slug}/\">Read more &raquo;</a>" : string.Empty)}</div>
            </div>
            """));

        Assert.Empty(review.Comments);
    }

    [Fact]
    public void A_front_page_of_whole_posts_under_linked_titles_is_not_a_thread()
    {
        var review = Pages.Process(FrontPage(p => $"""
            <div class="post hentry"><h3 class="post-title entry-title"><a href="/2011/01/{p.Slug}.html">{p.Title}</a></h3>
              <div class="post-body entry-content"><p>{p.Excerpt}</p><p>{Pages.Prose[0]}</p></div>
              <div class="post-footer"><span class="post-author vcard">Posted by <span class="fn">{p.Author}</span></span></div></div>
            """));

        Assert.Empty(review.Comments);
        Assert.Contains(Posts[1].Excerpt, review.Texts());
    }

    [Fact]
    public void A_single_post_page_keeps_its_article_and_its_comment_thread()
    {
        var review = Pages.Process(Pages.Article(
            $"<p class=\"post-author\">by <a href=\"/author/leah/\">Leah</a></p>{Pages.ProseParagraphs()}",
            around: """
                <div class="post related"><span class="author">Sam</span><p>Related: our review of Moon.</p></div>
                <ol class="comment-list">
                  <li id="comment-1" class="comment"><span class="comment-author">Ann</span><div class="comment-content"><p>Lovely review.</p></div></li>
                  <li id="comment-2" class="comment"><span class="comment-author">Bo</span><div class="comment-content"><p>I cried too.</p></div></li>
                </ol>
                """));

        Assert.All(Pages.Prose, p => Assert.Contains(p, review.Texts()));
        Assert.Equal([("comment-1", "Ann"), ("comment-2", "Bo")], review.Comments.Select(c => (c.Id, c.Author)).ToArray());
    }

    [Fact]
    public void Replies_printed_as_posts_under_an_article_do_not_replace_it()
    {
        // Kinja-like: the article, then its replies as article.reply items that name their posters.
        static string Reply(int n, string user) =>
            $"<article class=\"reply\" id=\"reply_{n}\"><header><span class=\"author\"><a href=\"/u/{user}\">{user}</a></span></header><div class=\"reply-content\"><p>Reply number {n} from {user}, who liked the review.</p></div></article>";

        var review = Pages.Process(Pages.Article(Pages.ProseParagraphs(), around: $"<section class=\"replies\">{Reply(1, "jnovo")}{Reply(2, "tim")}{Reply(3, "ada")}</section>"));

        // Read as a thread, the first reply would open it and the other two would be its comments.
        Assert.Equal(Pages.Prose, review.Texts().Take(3));
        Assert.Empty(review.Comments);
    }
    [Fact]
    public void A_list_of_latest_posts_naming_their_authors_is_not_a_thread()
    {
        // Items that share their classes are read as posts only when each says something besides its links: a sidebar
        // of the editors' latest posts names an author per item too.
        var editors = string.Concat(Posts.Select(p =>
            $"<li class=\"recent-entry\"><span class=\"author\">{p.Author}</span> <em>Editor</em> <a href=\"/2011/01/{p.Slug}/\">{p.Title}: a longer headline that runs on</a> - Jan 9</li>"));

        var review = Pages.Process($"""
            <!DOCTYPE html><html><head><title>A quiet film - Reel Notes</title></head><body>
            <div id="main"><div class="story">{Pages.ProseParagraphs()}</div></div>
            <div class="column"><ul class="recent">{editors}</ul></div>
            </body></html>
            """);

        Assert.Empty(review.Comments);
        Assert.Equal(Pages.Prose, review.Texts());
    }
    [Fact]
    public void A_front_page_of_whole_review_posts_in_article_elements_is_not_a_thread()
    {
        var review = Pages.Process(FrontPage(p => $"""
            <article class="entry review"><h2 class="entry-title"><a href="/2011/01/{p.Slug}/">{p.Title}</a></h2>
              <p class="byline">by <span class="author">{p.Author}</span></p>
              <p>{p.Excerpt}</p><p>{Pages.Prose[0]}</p></article>
            """));

        Assert.Empty(review.Comments);
        Assert.Contains(Posts[1].Excerpt, review.Texts());
    }
}
