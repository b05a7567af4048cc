using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Spoilers;

namespace NeverLetMeGo.Core.Tests;

/// <summary>A warning protects its own words only: what a warning sentence or block says beside them is read on its own.</summary>
public sealed class WarningSentencesTests
{
    private static string[] Sentences(string text) =>
        TaggingContext.Split(text).Select(s => text[s.Start..s.End]).ToArray();

    [Theory]
    [InlineData("Spoiler alert, the stranger is her son.", "Spoiler alert", "the stranger is her son.")]
    [InlineData("This review contains spoilers: the son burns the lighthouse down.", "This review contains spoilers", "the son burns the lighthouse down.")]
    [InlineData("The stranger is her son, spoiler alert!", "The stranger is her son,", "spoiler alert!")]
    [InlineData("This review may contain spoilers: the son burns the lighthouse down.", "This review may contain spoilers", "the son burns the lighthouse down.")]
    [InlineData("Spoiler: the stranger is her son.", "Spoiler:", "the stranger is her son.")]
    public void A_warning_that_also_tells_is_split_from_what_it_tells(string text, string warning, string told)
    {
        Assert.Equal([warning, told], Sentences(text));
    }

    [Theory]
    [InlineData("Spoilers ahead.")]
    [InlineData("There are spoilers after the break.")]
    [InlineData("Spoilers ahead, obviously.")]
    [InlineData("Spoiler warning: this piece discusses the ending.")]
    // The warning's subject is its own: "This review may" is no payload told beside it.
    [InlineData("This review may contain spoilers.")]
    [InlineData("This post will probably contain some spoilers!")]
    [InlineData("The following video may contain major spoilers.")]
    [InlineData("The lighthouse scenes are gorgeous. The sea is grey.")]
    public void A_warning_that_only_warns_stays_whole(string text)
    {
        Assert.Equal(Core.Text.SentenceSplitter.Split(text).Count, TaggingContext.Split(text).Count);
    }

    [Fact]
    public void A_reveal_told_beside_a_warning_is_hidden_and_the_warning_still_shows_sentence_by_sentence()
    {
        var block = SpoilerTagging.TagParagraphs([
            "Spoiler alert: the stranger who washes ashore is her own son, and in the last act he burns the lighthouse down with her inside."])[0];

        Assert.False(block.Spoiler.Warning);
        Assert.NotEqual(SpoilerLevel.None, block.Spoiler.Level);
        Assert.Contains("author spoiler warning", block.Spoiler.Reasons);
        var masked = SpoilerMask.Apply(block, SpoilerTolerance.None, MaskMode.Sentences);
        Assert.True(masked.Hidden);
        Assert.Null(masked.Text);
        var shown = string.Concat(masked.Parts!.Where(p => !p.Hidden).Select(p => p.Text));
        Assert.Equal("Spoiler alert", shown);
    }

    [Fact]
    public void A_warning_block_whose_other_sentence_reveals_is_hidden_whole_in_paragraph_mode()
    {
        var block = SpoilerTagging.TagParagraphs([
            "Spoilers ahead. The stranger turns out to be her own son, and he sets fire to the lighthouse while she is inside."])[0];

        Assert.False(SpoilerMask.IsVisible(block, SpoilerTolerance.None));
        Assert.Equal(SpoilerLevel.None, block.Sentences[0].Level);
        Assert.NotEqual(SpoilerLevel.None, block.Sentences[1].Level);
    }

    [Fact]
    public void A_warning_alone_stays_visible()
    {
        var block = SpoilerTagging.TagParagraphs(["Heads up: spoilers for the ending follow."])[0];

        Assert.True(block.Spoiler.Warning);
        Assert.True(SpoilerMask.IsVisible(block, SpoilerTolerance.None));
    }

    [Fact]
    public void An_operator_term_inside_a_warning_is_hidden()
    {
        var knowledge = new WorkKnowledge(Core.Spoilers.Scoring.WorkVocabulary.Empty, [new SpoilerTerm("Rosebud", SpoilerLevel.Major)]);
        var text = new Core.Extraction.ExtractedText([new Core.Extraction.SourceBlock(BlockKind.Paragraph, "Spoilers about Rosebud ahead.")], null);

        var block = SpoilerTagger.Default.Tag(text, knowledge)[0];

        Assert.Equal(SpoilerLevel.Major, block.Spoiler.Level);
        Assert.False(SpoilerMask.IsVisible(block, SpoilerTolerance.None));
    }
}
