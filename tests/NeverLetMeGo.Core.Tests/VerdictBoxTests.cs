using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

/// <summary>Review sites set the verdict, pros and cons and score apart in a box beside the body, often an &lt;aside&gt;.</summary>
public sealed class VerdictBoxTests
{
    private static string Page(string boxClass, string element = "aside") => $$"""
        <html><head><title>The Lighthouse Keeper review: a slow, stormy triumph | ScreenDaily Example</title></head><body>
        <header><nav><a href="/">Home</a><a href="/reviews">Reviews</a></nav></header>
        <main><article class="review">
        <h1>The Lighthouse Keeper review: a slow, stormy triumph</h1>
        <div class="review-body">
        <p>Ingrid has kept the lamp on Skarholm for thirty years, and the film takes its time letting us feel every one of them.</p>
        <p>Britt Svensson gives a performance of enormous patience; you can read a decade in the way she folds a map.</p>
        <p>The photography, all grey water and white foam, is worth the ticket alone.</p>
        </div>
        <{{element}} class="{{boxClass}}"><h3>Verdict</h3><p>A demanding, beautiful film that rewards patience.</p>
        <div class="pros"><h4>Pros</h4><ul><li>Svensson's performance</li><li>The photography</li></ul></div>
        <div class="score">Score: 8/10</div></{{element}}>
        </article>
        <aside class="sidebar"><h2>Most read</h2><ul><li><a href="/r/1">Another film review</a></li><li><a href="/r/2">Yet another</a></li></ul></aside>
        </main></body></html>
        """;

    [Theory]
    [InlineData("verdict-box", "aside")]
    [InlineData("review-summary", "div")]
    [InlineData("c-review__bottom-line", "section")]
    public void The_verdict_box_beside_the_body_is_the_reviewers_text_and_holds_the_score(string boxClass, string element)
    {
        var review = ReviewPipeline.Process(Page(boxClass, element), new Uri("https://screendaily.example/keeper"));

        Assert.Contains(review.Blocks, b => b.Text == "A demanding, beautiful film that rewards patience.");
        Assert.Contains(review.Blocks, b => b.Kind == BlockKind.ListItem && b.Text == "The photography");
        Assert.Equal(80, review.Rating?.Normalized);
        Assert.DoesNotContain(review.Blocks, b => b.Text.Contains("Most read", StringComparison.Ordinal));
    }

    [Fact]
    public void An_aside_that_is_no_verdict_stays_out()
    {
        var review = ReviewPipeline.Process(Page("pull-quote-box"), new Uri("https://screendaily.example/keeper"));

        Assert.DoesNotContain(review.Blocks, b => b.Text.Contains("rewards patience", StringComparison.Ordinal));
    }
}
