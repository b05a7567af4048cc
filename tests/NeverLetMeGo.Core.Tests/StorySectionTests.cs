using NeverLetMeGo.Core.Extraction;
using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Spoilers;

namespace NeverLetMeGo.Core.Tests;

/// <summary>Sections a page names as the story ("Plot", "Synopsis", "The ending explained") and paragraphs labelled so.</summary>
public sealed class StorySectionTests
{
    private static SourceBlock H(string text) => new(BlockKind.Heading, text);

    private static SourceBlock P(string text) => new(BlockKind.Paragraph, text);

    private static IReadOnlyList<Block> Tag(params SourceBlock[] blocks) => SpoilerTagger.Default.Tag(new ExtractedText(blocks, null));

    [Theory]
    [InlineData("Plot", SpoilerLevel.Major)]
    [InlineData("The Plot", SpoilerLevel.Major)]
    [InlineData("Full plot summary", SpoilerLevel.Major)]
    [InlineData("Plot Summary:", SpoilerLevel.Major)]
    [InlineData("Recap", SpoilerLevel.Major)]
    [InlineData("Episode recap", SpoilerLevel.Major)]
    [InlineData("The Ending Explained", SpoilerLevel.Major)]
    [InlineData("The twist", SpoilerLevel.Major)]
    [InlineData("What happens at the end?", SpoilerLevel.Major)]
    [InlineData("Synopsis (spoilers)", SpoilerLevel.Major)]
    [InlineData("Full synopsis", SpoilerLevel.Major)]
    [InlineData("2. Plot", SpoilerLevel.Major)]
    [InlineData("Never Let Me Go (2010): Plot Summary", SpoilerLevel.Major)]
    [InlineData("Synopsis", SpoilerLevel.Premise)]
    [InlineData("Storyline", SpoilerLevel.Premise)]
    [InlineData("The Story", SpoilerLevel.Premise)]
    [InlineData("Premise", SpoilerLevel.Premise)]
    [InlineData("The set-up", SpoilerLevel.Premise)]
    [InlineData("Plot summary (no spoilers)", SpoilerLevel.Premise)]
    [InlineData("What\u2019s the story?", SpoilerLevel.Premise)]
    [InlineData("What's the film about?", SpoilerLevel.Premise)]
    [InlineData("Summary", null)]
    [InlineData("Overview", null)]
    [InlineData("Verdict", null)]
    [InlineData("The plot thickens in act two", null)]
    [InlineData("Plot holes and other problems", null)]
    [InlineData("Why the ending works", null)]
    [InlineData("Story of a friendship", null)]
    [InlineData("Related stories", null)]
    public void A_heading_names_its_section_as_the_story_only_when_that_is_all_it_says(string heading, SpoilerLevel? level)
    {
        Assert.Equal(level, StorySectionSignal.HeadingLevel(heading));
    }

    [Theory]
    [InlineData("Synopsis: Kathy looks back on her years at a boarding school in the English countryside.", SpoilerLevel.Premise)]
    [InlineData("Plot summary \u2013 Kathy, Tommy and Ruth grow up together and later leave the school for the cottages.", SpoilerLevel.Major)]
    [InlineData("Recap: the episode opens with the lighthouse keeper finding a stranger washed up on the rocks.", SpoilerLevel.Major)]
    [InlineData("Plot: 4/5", null)]
    [InlineData("Premise: strong. Execution: weaker.", null)]
    [InlineData("The plot is slight, but the acting carries it through two hours without a dull scene.", null)]
    public void A_paragraph_led_by_a_story_label_is_a_story_section_of_its_own(string text, SpoilerLevel? level)
    {
        Assert.Equal(level, StorySectionSignal.LabelLevel(text));
    }

    [Fact]
    public void A_plot_section_is_hidden_up_to_the_next_heading_and_its_heading_stays_visible()
    {
        var blocks = Tag(
            P("A quiet film that lingers."),
            H("Plot"),
            P("Kathy grows up at a boarding school with Ruth and Tommy."),
            P("Years later the three meet again on a trip to the coast."),
            H("Verdict"),
            P("Go and see it."));

        Assert.Equal(SpoilerTag.Clean, blocks[1].Spoiler);
        Assert.All(blocks.Skip(2).Take(2), b =>
        {
            Assert.Equal(SpoilerLevel.Major, b.Spoiler.Level);
            Assert.Contains(StorySectionSignal.RetellingReason, b.Spoiler.Reasons);
            // The section covers the whole paragraph: sentence mode shows none of it.
            Assert.All(b.Sentences, s => Assert.Equal(SpoilerLevel.Major, s.Level));
        });
        Assert.Equal(SpoilerLevel.None, blocks[4].Spoiler.Level);
        Assert.Equal(SpoilerLevel.None, blocks[5].Spoiler.Level);
    }

    [Fact]
    public void A_heading_that_names_the_ending_s_section_stays_visible_whatever_the_model_reads_in_it()
    {
        var blocks = Tag(
            P("Fifteen years on, Inception still feels like a magic trick performed in broad daylight."),
            H("The ending explained"),
            P("Cobb spins the top and walks away to his children; whether it falls is beside the point."),
            H("The ending explained: Cobb's top keeps spinning"),
            P("Go and see it."));

        Assert.Equal(SpoilerTag.Clean, blocks[1].Spoiler);
        Assert.Equal(SpoilerLevel.Major, blocks[2].Spoiler.Level);
        Assert.NotEqual(SpoilerLevel.None, blocks[3].Spoiler.Level);
    }

    [Fact]
    public void A_synopsis_is_premise_and_a_retag_reads_the_section_again()
    {
        var blocks = Tag(H("Synopsis"), P("A lighthouse keeper takes in a stranger who washes up on her rocks one winter night."), H("Performances"), P("Everyone is fine."));
        var retagged = SpoilerRetagger.Retag(blocks, WorkKnowledge.None);

        Assert.All(new[] { blocks, retagged }, b =>
        {
            Assert.True(b[1].Spoiler.Level >= SpoilerLevel.Premise);
            Assert.Contains(StorySectionSignal.SetupReason, b[1].Spoiler.Reasons);
            Assert.Equal(SpoilerLevel.None, b[3].Spoiler.Level);
        });
    }

    [Fact]
    public void A_reader_is_told_why_in_words_from_the_fixed_vocabulary()
    {
        Assert.Equal("major spoiler: in a section that retells the story",
            SpoilerReasons.Describe(SpoilerLevel.Major, false, [StorySectionSignal.RetellingReason]));
        Assert.Equal("premise spoiler: in a section that sets out the premise",
            SpoilerReasons.Describe(SpoilerLevel.Premise, false, [StorySectionSignal.SetupReason]));
    }
}
