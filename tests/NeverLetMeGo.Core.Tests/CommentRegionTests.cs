using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Spoilers;

namespace NeverLetMeGo.Core.Tests;

/// <summary>
/// The comments below an article are read after its author's warning, as the page shows them: while the warned region
/// runs to the article's end, a comment of some length is inside it; a short reply, or a page that closed its region, is not.
/// </summary>
public sealed class CommentRegionTests
{
    private const string Vague = "When I first heard about this movie it gave me more creeps than the notion of keeping spare people alive in some pod.";

    private static string Page(string afterWarning) => $$"""
        <html><head><title>Never Let Me Go: a second look</title></head><body>
        <article><h1>Never Let Me Go: a second look</h1>
        <p>The cast is uniformly excellent, and the English countryside has never looked so cold and so lovely on film.</p>
        <p>Spoilers ahead.</p>
        <p>Ruth dies on the operating table after her second donation, and Tommy screams alone in the dark field.</p>
        {{afterWarning}}</article>
        <ol class="commentlist">
        <li class="comment" id="comment-1"><div class="comment-author">ann</div><div class="comment-content"><p>{{Vague}}</p></div></li>
        <li class="comment" id="comment-2"><div class="comment-author">bo</div><div class="comment-content"><p>Nooooooo!</p></div></li>
        </ol></body></html>
        """;

    private static Block Comment(Review review, string id) => review.Comments.Single(c => c.Id == id).Blocks.Single();

    [Fact]
    public void A_comment_below_an_open_region_is_inside_it_and_a_short_reply_is_not()
    {
        var review = ReviewPipeline.Process(Page(""), new Uri("https://blog.example/p"));
        var retagged = SpoilerRetagger.Retag(review, WorkKnowledge.None);

        Assert.All(new[] { review, retagged }, r =>
        {
            Assert.Contains(AuthorWarningSignal.RegionReason, Comment(r, "comment-1").Spoiler.Reasons);
            Assert.Equal(SpoilerLevel.None, Comment(r, "comment-2").Spoiler.Level);
        });
    }

    [Fact]
    public void A_region_the_article_closed_leaves_its_comments_to_the_models()
    {
        var review = ReviewPipeline.Process(Page("<p>End of spoilers.</p><p>Go and see it, and bring someone you love.</p>"), new Uri("https://blog.example/p"));

        Assert.DoesNotContain(AuthorWarningSignal.RegionReason, Comment(review, "comment-1").Spoiler.Reasons);
    }
}
