using NeverLetMeGo.Core.Extraction;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Spoilers;

namespace NeverLetMeGo.Core.Tests;

/// <summary>A title that warns about the whole page ("(spoilers)", "ending explained") covers the article from its first block.</summary>
public sealed class TitleWarningTests
{
    [Theory]
    [InlineData("Lighthouse Keeper (spoilers)", SpoilerLevel.Major)]
    [InlineData("Spoiler review: Lighthouse Keeper", SpoilerLevel.Major)]
    [InlineData("Lighthouse Keeper spoilers review", SpoilerLevel.Major)]
    [InlineData("Lighthouse Keeper's ending explained", SpoilerLevel.Major)]
    [InlineData("Lighthouse Keeper: the twist, explained", SpoilerLevel.Major)]
    [InlineData("Explaining that Lighthouse Keeper ending", null)]
    [InlineData("Explaining the ending of Lighthouse Keeper", SpoilerLevel.Major)]
    [InlineData("Lighthouse Keeper review: a premise spoiler warning", SpoilerLevel.Premise)]
    [InlineData("Lighthouse Keeper: spoiler-free review", null)]
    [InlineData("Lighthouse Keeper: non-spoiler review", null)]
    [InlineData("Lighthouse Keeper review (no spoilers)", null)]
    [InlineData("Lighthouse Keeper review: a quiet triumph", null)]
    [InlineData("Why spoilers don't matter", null)]
    [InlineData("The Last of Us season 1, episode 3 recap: Long, Long Time", SpoilerLevel.Major)]
    [InlineData("Severance S02E05 recap", SpoilerLevel.Major)]
    [InlineData("Recap: the Succession finale", SpoilerLevel.Major)]
    [InlineData("The week in review: a recap of the festival's deals", null)]
    [InlineData(null, null)]
    public void A_title_warns_only_when_it_says_the_page_spoils(string? title, SpoilerLevel? level)
    {
        Assert.Equal(level, TitleWarning.Level(title));
    }

    [Fact]
    public void A_page_whose_title_warns_is_a_warned_region_from_its_first_paragraph_and_a_retag_keeps_it()
    {
        const string html = """
            <html><head><title>Lighthouse Keeper: the ending explained</title></head><body><article>
            <h1>Lighthouse Keeper: the ending explained</h1>
            <p>I went back for a second look, and so did half the audience of my first screening, it seemed.</p>
            <p>She lets the lamp go dark and walks into the sea, and he keeps the light after her.</p>
            <p>Gosh. What a thing to sit through twice, and what a thing to think about on the way home.</p>
            </article></body></html>
            """;

        var review = ReviewPipeline.Process(html, new Uri("https://films.example/keeper-ending"));
        var retagged = SpoilerRetagger.Retag(review, WorkKnowledge.None);

        Assert.All(new[] { review, retagged }, r =>
        {
            Assert.NotEmpty(r.Blocks);
            // Every paragraph the model is not confident about is hidden by the title's warning, the reactions included.
            Assert.All(r.Blocks.Where(b => b.Spoiler.Level == SpoilerLevel.None), b => Assert.Empty(b.Spoiler.Reasons));
            Assert.Contains(r.Blocks, b => b.Spoiler.Reasons.Contains(AuthorWarningSignal.RegionReason));
            Assert.Equal(SpoilerLevel.Major, r.Blocks.Single(b => b.Text.StartsWith("Gosh", StringComparison.Ordinal)).Spoiler.Level);
        });
    }

    [Fact]
    public void A_plain_title_opens_no_region()
    {
        var text = new ExtractedText([new SourceBlock(BlockKind.Paragraph, "Gosh. What a thing to sit through twice.")], null);

        Assert.Equal(SpoilerLevel.None, SpoilerTagger.Default.Tag(text)[0].Spoiler.Level);
        Assert.Equal(SpoilerLevel.Major, SpoilerTagger.Default.Tag(text with { WarnedFromStart = SpoilerLevel.Major })[0].Spoiler.Level);
    }

    [Fact]
    public void A_thread_whose_title_warns_covers_its_comments_too()
    {
        const string html = """
            <html><head><title>[Spoilers] Never Let Me Go discussion thread</title></head><body>
            <article><h1>[Spoilers] Never Let Me Go discussion thread</h1>
            <p>Just finished it. Let's talk about the ending and everything it means, the whole way through.</p></article>
            <ol class="commentlist">
            <li class="comment" id="comment-1"><div class="comment-author">ann</div><div class="comment-content"><p>The cinematography is gorgeous and the score is lovely, I agree with every word of this.</p></div></li>
            <li class="comment" id="comment-2"><div class="comment-author">cat</div><div class="comment-content"><p>I still can't believe what happened to Ruth in the end.</p></div></li>
            </ol></body></html>
            """;

        var review = ReviewPipeline.Process(html, new Uri("https://forum.example/t/1"));
        var retagged = SpoilerRetagger.Retag(review, WorkKnowledge.None);

        Assert.All(new[] { review, retagged }, r =>
        {
            var ruth = r.Comments.Single(c => c.Id == "comment-2").Blocks.Single();
            Assert.Contains(AuthorWarningSignal.RegionReason, ruth.Spoiler.Reasons);
            Assert.Equal(SpoilerLevel.None, r.Comments.Single(c => c.Id == "comment-1").Blocks.Single().Spoiler.Level);
        });
    }
}
