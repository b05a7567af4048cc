using NeverLetMeGo.Core.Decisions;
using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

public sealed class ReviewDecisionTests
{
    private const string Work = "Never Let Me Go";

    private static Block Plain(int i, string text) => new(i, BlockKind.Paragraph, text, SpoilerTag.Clean);

    private static Block Spoiler(int i, string text, SpoilerLevel level) =>
        new(i, BlockKind.Paragraph, text, new SpoilerTag(level, false, 0.9, ["model: 0.90"]));

    private static readonly Block[] Article =
    [
        Plain(0, "A quiet film about three friends at a boarding school."),
        new(1, BlockKind.Paragraph, "Spoilers ahead.", new SpoilerTag(SpoilerLevel.None, true, 0, ["author spoiler warning"])),
        Spoiler(2, "The students were raised as organ donors.", SpoilerLevel.Premise) with
        {
            Sentences = [new SentenceSpan(0, 41, SpoilerLevel.Premise)],
        },
        Spoiler(3, "Tommy completes after his fourth donation.", SpoilerLevel.Major),
    ];

    private static ReviewFacts Facts(params BlockCorrection[] corrections) => new()
    {
        Title = "Never Let Me Go review",
        WorkTitle = Work,
        Blocks = Article,
        Corrections = corrections,
        RatingNormalized = 75,
    };

    [Fact]
    public void An_uncorrected_review_is_decided_as_tagged_with_its_summary_excerpt_and_title()
    {
        var decision = ReviewDecider.Decide(Facts());

        Assert.Equal(Article, decision.Blocks);
        Assert.Equal(new SpoilerSummary(true, SpoilerLevel.Major, 1, 1, "A quiet film about three friends at a boarding school.", true), decision.Summary);
        Assert.Equal(("Never Let Me Go review", false), (decision.Title, decision.TitleReplaced));
        Assert.True(decision.RatingPositive);
    }

    [Fact]
    public void A_correction_sets_the_level_names_who_set_it_and_drops_the_sentences_that_do_not_know_it()
    {
        var decision = ReviewDecider.Decide(Facts(
            new BlockCorrection(2, SpoilerLevel.Major, CorrectionSource.Readers),
            new BlockCorrection(0, SpoilerLevel.Premise, CorrectionSource.Operator)));

        Assert.Equal((SpoilerLevel.Major, false, 0.9), (decision.Blocks[2].Spoiler.Level, decision.Blocks[2].Spoiler.Warning, decision.Blocks[2].Spoiler.Score));
        Assert.Equal([SpoilerReasons.ReaderReports], decision.Blocks[2].Spoiler.Reasons);
        Assert.Empty(decision.Blocks[2].Sentences);
        Assert.Equal(SpoilerLevel.Premise, decision.Blocks[0].Spoiler.Level);
        Assert.Equal([SpoilerReasons.Operator], decision.Blocks[0].Spoiler.Reasons);
        // The corrected opening paragraph is no longer excerpted: nothing before the first spoiler remains.
        Assert.Equal(("", true), (decision.Summary.Excerpt, decision.Summary.ExcerptTruncated));
        Assert.Equal((1, 2), (decision.Summary.PremiseBlocks, decision.Summary.MajorBlocks));
    }

    [Theory]
    [InlineData(SpoilerLevel.None, true)]
    [InlineData(SpoilerLevel.Premise, false)]
    public void A_warning_corrected_to_a_spoiler_level_is_no_longer_shown_as_a_warning(SpoilerLevel level, bool warning)
    {
        var decision = ReviewDecider.Decide(Facts(new BlockCorrection(1, level, CorrectionSource.Operator)));

        Assert.Equal(warning, decision.Blocks[1].Spoiler.Warning);
        Assert.Equal(warning ? SpoilerTolerance.None : SpoilerTolerance.Premise, ReviewDecider.VisibleFrom(decision.Blocks[1]));
    }

    [Fact]
    public void Search_at_each_tolerance_holds_only_the_text_that_tolerance_shows()
    {
        var decision = ReviewDecider.Decide(Facts());

        Assert.Equal(3, decision.Searchable.Count);
        Assert.DoesNotContain("donor", decision.Searchable[(int)SpoilerTolerance.None], StringComparison.Ordinal);
        Assert.Contains("Spoilers ahead.", decision.Searchable[(int)SpoilerTolerance.None], StringComparison.Ordinal);
        Assert.Contains("donors", decision.Searchable[(int)SpoilerTolerance.Premise], StringComparison.Ordinal);
        Assert.DoesNotContain("Tommy", decision.Searchable[(int)SpoilerTolerance.Premise], StringComparison.Ordinal);
        Assert.Contains("Tommy", decision.Searchable[(int)SpoilerTolerance.All], StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_is_judged_against_the_corrected_levels()
    {
        var facts = Facts(new BlockCorrection(0, SpoilerLevel.Major, CorrectionSource.Readers)) with { Title = "Three friends at a boarding school" };

        Assert.Equal(("A review of Never Let Me Go", true), (ReviewDecider.Decide(facts).Title, ReviewDecider.Decide(facts).TitleReplaced));
        Assert.False(ReviewDecider.Decide(facts with { Corrections = [] }).TitleReplaced);
    }

    [Theory]
    [InlineData(59.9, false)]
    [InlineData(60.0, true)]
    [InlineData(null, null)]
    public void A_rating_is_positive_from_sixty(double? score, bool? positive)
        => Assert.Equal(positive, ReviewDecider.Decide(Facts() with { RatingNormalized = score }).RatingPositive);

    [Fact]
    public void A_reply_quoting_a_spoiler_comment_takes_its_level_down_the_thread_and_a_plain_reply_does_not()
    {
        ThreadComment[] comments =
        [
            new(null, [Spoiler(0, "Ruth dies on the operating table at the recovery centre.", SpoilerLevel.Major)]),
            new(0, [Plain(0, "I cried when Ruth dies on the operating table, honestly.")]),
            new(1, [new Block(0, BlockKind.Quote, "Quoting the reply above.", SpoilerTag.Clean)]),
            new(0, [Plain(0, "Lovely review, thanks.")]),
        ];

        var decided = ReviewDecider.Decide(Facts() with { Comments = comments }).Comments;

        Assert.Equal(SpoilerLevel.Major, decided[1][0].Spoiler.Level);
        Assert.Equal([SpoilerReasons.QuotesSpoiler], decided[1][0].Spoiler.Reasons);
        Assert.Equal(SpoilerLevel.Major, decided[2][0].Spoiler.Level);
        Assert.Equal(SpoilerLevel.None, decided[3][0].Spoiler.Level);
    }

    [Fact]
    public void Parents_are_positions_and_cycles_self_replies_and_unknown_parents_are_cut()
    {
        Comment C(string id, string? parent) => new(id, parent, null, null, []);

        var parents = CommentThread.ResolveParents([C("a", null), C("b", "a"), C("c", "d"), C("d", "c"), C("e", "e"), C("f", "zz")]);

        Assert.Equal([null, 0, null, 2, null, null], parents);
    }
}
