using NeverLetMeGo.Core.Extraction;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Spoilers;

namespace NeverLetMeGo.Core.Tests;

/// <summary>
/// A spoiler warning shown in a review's header, outside the text the extractor reads (a film database's user review),
/// makes the review read as warned from its start; a "spoilers" tag on a teaser, a no-spoilers policy in a sidebar or a
/// warning elsewhere on the page does not.
/// </summary>
public sealed class SpoilerBadgeTests
{
    private const string Story =
        "When Kathy finally finds Madame, the old woman admits there never were any deferrals, and Tommy screams alone in the field on the drive home.";

    private static string ReviewText() => Pages.ProseParagraphs() + $"<p>{Story}</p>";

    private static string UserReviewPage(string badge, string before = "", string sidebar = "") => $$"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>Quiet and devastating - user review | Filmbase</title></head>
        <body>
        <div class="site-header"><a href="/">Filmbase</a><nav><a href="/films">Films</a> <a href="/lists">Lists</a></nav></div>
        <div class="page">
          {{before}}
          <div class="review-container">
            <div class="review-header">
              <span class="rating">8/10</span>
              <a class="title" href="/review/rw1001">Quiet and devastating</a>
              <span class="display-name-date"><a href="/user/77">slowcinema</a> 14 February 2011</span>
              {{badge}}
            </div>
            <div class="content">
              <div class="text">{{ReviewText()}}</div>
              <div class="actions">31 out of 40 found this helpful. Was this review helpful? Sign in to vote.</div>
            </div>
          </div>
        </div>
        {{sidebar}}
        </body></html>
        """;

    private static IReadOnlyList<Block> RulesOnly(string html) =>
        SpoilerTagger.Rules.Tag(ReviewPipeline.Extract(html, Pages.Url).Article);

    [Theory]
    [InlineData("<span class=\"spoiler-warning\">Warning: Spoilers</span>", "Warning: Spoilers")]
    [InlineData("<div class=\"badges\"><span class=\"tag\">Contains <b>spoilers</b></span></div>", "Contains spoilers")]
    [InlineData("<span class=\"pill\">SPOILERS</span>", "SPOILERS")]
    public void A_warning_in_the_review_header_leads_the_article_and_warns_all_of_it(string badge, string text)
    {
        var blocks = RulesOnly(UserReviewPage(badge));

        Assert.Equal(text, blocks[0].Text);
        Assert.True(blocks[0].Spoiler.Warning);
        Assert.Equal([text, .. Pages.Prose, Story], blocks.Take(Pages.Prose.Length + 2).Select(b => b.Text));
        Assert.All(blocks.Skip(1), b => Assert.Equal(SpoilerLevel.Major, b.Spoiler.Level));
    }

    [Fact]
    public void The_whole_pipeline_hides_the_warned_reviews_story_and_shows_the_warning()
    {
        var review = ReviewPipeline.Process(UserReviewPage("<span class=\"spoiler-warning\">Warning: Spoilers</span>"), new Uri("https://example.com/r"));

        Assert.Equal("Warning: Spoilers", review.Blocks[0].Text);
        Assert.True(review.Blocks[0].Spoiler.Warning);
        var story = review.Blocks.Single(b => b.Text == Story);
        Assert.Equal(SpoilerLevel.Major, story.Spoiler.Level);
        Assert.Contains(AuthorWarningSignal.RegionReason, story.Spoiler.Reasons);
    }

    [Theory]
    // No badge at all: the same page reads as unwarned.
    [InlineData("", "", "")]
    // A badge that promises no spoilers.
    [InlineData("<span class=\"badge\">Spoiler-free</span>", "", "")]
    // A sidebar with a no-spoilers policy and a list of other reviews, each tagged.
    [InlineData("", "", "<aside class=\"sidebar\"><p>Our no-spoilers policy: reviews keep twists behind markup.</p><ul><li><a href=\"/r/2\">A second look</a> <span>Spoilers</span></li><li><a href=\"/r/3\">Why it hurts</a> <span>Spoilers</span></li></ul></aside>")]
    // Teasers of other reviews above this one, not marked as a sidebar: each card says spoilers.
    [InlineData("", "<div class=\"more\"><div class=\"card\"><a href=\"/r/2\">A second look</a><span>Spoilers</span></div><div class=\"card\"><a href=\"/r/3\">Why it hurts</a><span>Spoilers</span></div><div class=\"card\"><a href=\"/r/4\">Cold comfort</a><span>Spoilers</span></div></div>", "")]
    // A link named spoilers (a category) is navigation, not a warning.
    [InlineData("<a href=\"/tag/spoilers\">Spoilers</a>", "", "")]
    public void Spoiler_words_elsewhere_on_the_page_do_not_warn_the_review(string badge, string before, string sidebar)
    {
        var blocks = RulesOnly(UserReviewPage(badge, before, sidebar));

        Assert.Equal(Pages.Prose[0], blocks[0].Text);
        Assert.All(blocks, b => Assert.Equal(SpoilerTag.Clean, b.Spoiler));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_warning_before_another_review_on_the_page_does_not_warn_the_one_read(bool ownBadge)
    {
        // Two reviews on one page, the extractor reading the second: the first one's header and text stand between its
        // badge and the second review's text.
        var earlier = "<div class=\"review-container\"><div class=\"review-header\"><span class=\"spoiler-warning\">Warning: Spoilers</span></div><div class=\"content\"><div class=\"text\"><p>"
            + string.Concat(Enumerable.Repeat("An earlier reviewer goes on about the casting and the long drives by the sea. ", 6)) + "</p></div></div></div>";
        var html = UserReviewPage(ownBadge ? "<span class=\"spoiler-warning\">Warning: Spoilers</span>" : "", earlier);
        var body = ArticleExtractor.FindBody(HtmlLoader.Load(html));
        var hints = new ClassHintCache();
        var candidates = SpoilerBadge.Collect(body, hints);
        var second = body.Descendants("div").Where(d => d.GetAttributeValue("class", "") == "text").Last();

        Assert.Equal(ownBadge ? 2 : 1, candidates.Count);
        Assert.Equal(ownBadge ? "Warning: Spoilers" : null, SpoilerBadge.Find(candidates, [second], body));
    }

    [Fact]
    public void A_warning_in_the_articles_own_header_element_leads_it()
    {
        var html = Pages.Article("<p>Placeholder.</p>").Replace(
            "<article class=\"post\"><div class=\"entry-content\">\n<p>Placeholder.</p>",
            "<article class=\"post\"><header class=\"entry-header\"><h1>A review</h1><span class=\"label\">Spoilers ahead</span></header><div class=\"entry-content\">" + ReviewText(),
            StringComparison.Ordinal);

        var blocks = RulesOnly(html);

        Assert.Equal("Spoilers ahead", blocks[0].Text);
        Assert.True(blocks[0].Spoiler.Warning);
        Assert.Equal(Story, blocks[^1].Text);
        Assert.Equal(SpoilerLevel.Major, blocks[^1].Spoiler.Level);
    }
}
