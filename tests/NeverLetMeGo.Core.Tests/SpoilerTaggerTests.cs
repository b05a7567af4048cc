using NeverLetMeGo.Core.Extraction;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Spoilers;

namespace NeverLetMeGo.Core.Tests;

public sealed class SpoilerTaggerTests
{
    private static ExtractedText Text(int? jumpBreak, params string[] paragraphs) =>
        new(paragraphs.Select(p => new SourceBlock(BlockKind.Paragraph, p)).ToArray(), jumpBreak);

    private static IReadOnlyList<Block> Tag(ExtractedText text) => SpoilerTagger.Default.Tag(text);

    [Fact]
    public void A_warning_stays_visible_and_everything_after_it_is_a_major_spoiler()
    {
        var blocks = Tag(Text(null, "An opening thought.", "Spoilers ahead.", "Kathy becomes a carer.", "Tommy completes."));

        Assert.Equal(SpoilerTag.Clean, blocks[0].Spoiler);
        Assert.Equal(new[] { SpoilerLevel.None, SpoilerLevel.Major, SpoilerLevel.Major }, blocks.Skip(1).Select(b => b.Spoiler.Level));
        Assert.True(blocks[1].Spoiler.Warning);
        Assert.Equal(["author spoiler warning"], blocks[1].Spoiler.Reasons);
        // The model may agree ("Ruth dies." is a spoiler in any text); the warning's reason comes first and its score wins.
        Assert.All(blocks.Skip(2), b => Assert.Equal("after the author's spoiler warning", b.Spoiler.Reasons[0]));
        Assert.All(blocks.Skip(2), b => Assert.Equal(0.9, b.Spoiler.Score));
    }

    [Fact]
    public void A_heading_inside_the_region_is_hidden_only_when_it_tells()
    {
        var blocks = Tag(new ExtractedText([
            new SourceBlock(BlockKind.Paragraph, "Spoilers ahead."),
            new SourceBlock(BlockKind.Heading, "Food for thought"),
            new SourceBlock(BlockKind.Paragraph, "Kathy becomes a carer and Tommy completes."),
            new SourceBlock(BlockKind.Heading, "Ruth dies on the operating table"),
        ], null));

        Assert.Equal(SpoilerTag.Clean, blocks[1].Spoiler);
        Assert.Equal(SpoilerLevel.Major, blocks[2].Spoiler.Level);
        Assert.NotEqual(SpoilerLevel.None, blocks[3].Spoiler.Level);
        Assert.DoesNotContain(AuthorWarningSignal.RegionReason, blocks[3].Spoiler.Reasons);
    }

    [Fact]
    public void An_end_marker_closes_the_region()
    {
        var blocks = Tag(Text(null, "Spoiler alert!", "The school closes.", "End of spoilers.", "The score is lovely."));

        Assert.Equal(SpoilerLevel.Major, blocks[1].Spoiler.Level);
        Assert.Equal(SpoilerLevel.None, blocks[2].Spoiler.Level);
        Assert.Equal(SpoilerTag.Clean, blocks[3].Spoiler);
    }

    [Fact]
    public void A_heading_that_promises_a_spoiler_free_part_closes_the_region_and_a_retag_keeps_it_closed()
    {
        var text = new ExtractedText([
            new SourceBlock(BlockKind.Heading, "The ending (spoilers)"),
            new SourceBlock(BlockKind.Paragraph, "The school closes."),
            new SourceBlock(BlockKind.Heading, "Verdict (spoiler-free)"),
            new SourceBlock(BlockKind.Paragraph, "The score is lovely."),
        ], null);

        var blocks = Tag(text);
        var retagged = SpoilerRetagger.Retag(blocks, WorkKnowledge.None);

        Assert.All(new[] { blocks, retagged }, b =>
        {
            Assert.Equal(SpoilerLevel.Major, b[1].Spoiler.Level);
            Assert.Equal(SpoilerTag.Clean, b[2].Spoiler);
            Assert.Equal(SpoilerTag.Clean, b[3].Spoiler);
        });
    }

    [Fact]
    public void A_spoiler_free_paragraph_inside_the_region_does_not_close_it()
    {
        // Only a heading scopes what follows; a sentence saying something is spoiler-free is about itself.
        var blocks = Tag(Text(null, "Spoilers ahead.", "The school closes.", "I'll keep this bit spoiler-free.", "Tommy completes."));

        Assert.Equal(SpoilerLevel.Major, blocks[3].Spoiler.Level);
    }

    [Fact]
    public void A_premise_warning_makes_a_premise_region()
    {
        var blocks = Tag(Text(null, "If you don't want to know the premise of the film, don't read on.", "The children are clones."));

        Assert.True(blocks[0].Spoiler.Warning);
        Assert.Equal(SpoilerLevel.Premise, blocks[1].Spoiler.Level);
        Assert.Contains("premise", blocks[1].Spoiler.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_jump_break_named_by_the_warning_starts_the_region_and_text_before_it_stays_readable()
    {
        // Text below the break that the model cannot be sure reveals nothing, so the region holds it.
        var blocks = Tag(Text(3, "Intro.", "There are spoilers after the break.", "Still above the break.",
            "Below the break, what Kathy learns at the cottages changes everything.", "Later she drives to the coast alone."));

        Assert.True(blocks[1].Spoiler.Warning);
        Assert.Equal(SpoilerTag.Clean, blocks[2].Spoiler);
        Assert.Equal(SpoilerLevel.Major, blocks[3].Spoiler.Level);
        Assert.Equal(SpoilerLevel.Major, blocks[4].Spoiler.Level);
    }

    [Fact]
    public void A_later_jump_break_not_named_by_the_warning_does_not_delay_the_region()
    {
        var blocks = Tag(Text(3, "Intro.", "Spoilers ahead.", "Right after the warning.", "After the break."));

        Assert.Equal(SpoilerLevel.Major, blocks[2].Spoiler.Level);
    }

    [Fact]
    public void Text_without_warnings_or_markup_is_clean()
    {
        var blocks = Tag(Text(1, "A plain paragraph.", "Another plain paragraph."));

        Assert.All(blocks, b => Assert.Equal(SpoilerTag.Clean, b.Spoiler));
    }

    [Fact]
    public void Blocks_marked_in_the_page_are_major_with_full_confidence()
    {
        var text = new ExtractedText([new SourceBlock(BlockKind.Paragraph, "Plain."), new SourceBlock(BlockKind.Paragraph, "Ruth dies.", MarkedSpoiler: true)], null);

        var blocks = Tag(text);

        Assert.Equal(SpoilerTag.Clean, blocks[0].Spoiler);
        Assert.Equal(new SpoilerTag(SpoilerLevel.Major, false, 1.0, ["marked as spoiler in the page"]), blocks[1].Spoiler, new TagComparer());
    }

    [Fact]
    public void Bracket_spoiler_tags_are_removed_and_their_blocks_marked_even_across_blocks()
    {
        var blocks = Tag(Text(null, "Before.", "Here it comes [spoiler]Tommy and Kathy", "are refused a deferral[/spoiler] sadly.", "After."));

        Assert.Equal("Here it comes Tommy and Kathy", blocks[1].Text);
        Assert.Equal("are refused a deferral sadly.", blocks[2].Text);
        Assert.Equal(new[] { SpoilerLevel.None, SpoilerLevel.Major, SpoilerLevel.Major, SpoilerLevel.None }, blocks.Select(b => b.Spoiler.Level));
    }

    [Fact]
    public void Reddit_spoiler_markup_is_removed_and_the_block_marked()
    {
        var blocks = Tag(Text(null, "In the end >!Ruth dies!< quietly."));

        Assert.Equal("In the end Ruth dies quietly.", blocks[0].Text);
        Assert.Equal(SpoilerLevel.Major, blocks[0].Spoiler.Level);
        Assert.Equal(1.0, blocks[0].Spoiler.Score);
    }

    [Theory]
    [InlineData("Attention, spoilers !", "Fin des spoilers.")]
    [InlineData("\u00a1Alerta de spoiler!", "Fin de los spoilers.")]
    [InlineData("Achtung, Spoiler!", "Ende der Spoiler.")]
    public void A_warning_in_another_language_hides_what_follows_until_its_end_marker(string warning, string end)
    {
        var blocks = Tag(Text(null, "Un film lent et beau.", warning, "Dans la derni\u00e8re sc\u00e8ne, le h\u00e9ros meurt seul sur la plage.", end, "Un film lent et beau."));

        Assert.True(blocks[1].Spoiler.Warning);
        Assert.Equal(SpoilerLevel.None, blocks[1].Spoiler.Level);
        Assert.Equal(SpoilerLevel.Major, blocks[2].Spoiler.Level);
        Assert.Equal(blocks[0].Spoiler.Level, blocks[4].Spoiler.Level);
    }

    [Fact]
    public void Markup_around_one_sentence_hides_that_sentence_and_leaves_the_opinions_around_it_readable()
    {
        var blocks = Tag(Text(null, "Loved the cast. [spoiler]Ruth dies on the operating table.[/spoiler] The score is lovely."));

        var block = Assert.Single(blocks);
        Assert.Equal("Loved the cast. Ruth dies on the operating table. The score is lovely.", block.Text);
        Assert.Equal(SpoilerLevel.Major, block.Spoiler.Level);
        Assert.Contains("part marked as spoiler in the page", block.Spoiler.Reasons);
        var marked = block.Sentences.Single(s => block.Text[s.Start..s.End].StartsWith("Ruth", StringComparison.Ordinal));
        Assert.Equal(SpoilerLevel.Major, marked.Level);
        Assert.All(block.Sentences.Where(s => s != marked), s => Assert.NotEqual(SpoilerLevel.Major, s.Level));
        // Retagging (a rules or model change) reads the stored sentences back: the marked one stays hidden.
        var retagged = Assert.Single(SpoilerRetagger.Retag(blocks, WorkKnowledge.None));
        Assert.Equal(block.Sentences.Select(s => s.Level), retagged.Sentences.Select(s => s.Level));
        Assert.Contains("part marked as spoiler in the page", retagged.Spoiler.Reasons);
    }

    [Fact]
    public void Markup_around_every_word_of_a_block_marks_the_block_whole()
    {
        var blocks = Tag(Text(null, "[spoiler]Ruth dies. Tommy screams.[/spoiler]", ">!Kathy drives on.!<"));

        Assert.All(blocks, b => Assert.Equal(new[] { "marked as spoiler in the page" }, b.Spoiler.Reasons));
        Assert.All(blocks, b => Assert.Equal(SpoilerLevel.Major, b.Spoiler.Level));
    }

    [Fact]
    public void Discord_spoiler_markup_is_removed_and_the_block_marked_but_a_logical_or_is_not_markup()
    {
        var blocks = Tag(Text(null, "About the ending: ||the factory is sold|| and nobody is happy.", "Write it as a || b in the query."));

        Assert.Equal("About the ending: the factory is sold and nobody is happy.", blocks[0].Text);
        Assert.Equal(SpoilerLevel.Major, blocks[0].Spoiler.Level);
        Assert.Equal("Write it as a || b in the query.", blocks[1].Text);
        Assert.NotEqual(1.0, blocks[1].Spoiler.Score);
    }

    [Fact]
    public void Text_inside_spoiler_markup_is_never_taken_for_a_warning()
    {
        var text = new ExtractedText([new SourceBlock(BlockKind.Paragraph, "Spoiler alert!", MarkedSpoiler: true), new SourceBlock(BlockKind.Paragraph, "Plain.")], null);

        var blocks = Tag(text);

        Assert.False(blocks[0].Spoiler.Warning);
        Assert.Equal(SpoilerTag.Clean, blocks[1].Spoiler);
    }

    [Fact]
    public void Another_signal_plugs_in_and_its_votes_are_combined_with_the_rules()
    {
        var tagger = new SpoilerTagger([new ExplicitMarkupSignal(), new AuthorWarningSignal(), new FixedSignal(1, SpoilerLevel.Premise, 0.4, "model: 0.40")]);

        var blocks = tagger.Tag(Text(null, "Plain.", "Talk of the school.", "Spoilers ahead.", "The ending."));

        Assert.Equal(new SpoilerTag(SpoilerLevel.Premise, false, 0.4, ["model: 0.40"]), blocks[1].Spoiler, new TagComparer());
        Assert.Equal(SpoilerLevel.Major, blocks[3].Spoiler.Level);
    }

    [Fact]
    public void The_highest_level_wins_and_every_reason_is_kept()
    {
        var tag = SpoilerTagger.Combine(
        [
            new SpoilerVote(SpoilerLevel.Premise, 0.5, "model: 0.50"),
            new SpoilerVote(SpoilerLevel.Major, 0.9, "after the author's spoiler warning"),
        ]);

        Assert.Equal(SpoilerLevel.Major, tag.Level);
        Assert.Equal(0.9, tag.Score);
        Assert.Equal(["model: 0.50", "after the author's spoiler warning"], tag.Reasons);
    }

    private sealed class FixedSignal(int index, SpoilerLevel level, double score, string reason) : ISpoilerSignal
    {
        public void Vote(TaggingContext context) => context.Add(index, new SpoilerVote(level, score, reason));
    }

    private sealed class TagComparer : IEqualityComparer<SpoilerTag>
    {
        public bool Equals(SpoilerTag? x, SpoilerTag? y) =>
            x is not null && y is not null && x.Level == y.Level && x.Warning == y.Warning && x.Score == y.Score && x.Reasons.SequenceEqual(y.Reasons);

        public int GetHashCode(SpoilerTag obj) => HashCode.Combine(obj.Level, obj.Warning, obj.Score);
    }
}

public sealed class SpoilerParagraphTests
{
    [Fact]
    public void In_a_paragraph_that_gives_story_away_only_sentences_the_model_is_sure_of_stay_readable()
    {
        var block = SpoilerTagging.TagParagraphs([
            "The children are clones raised to donate their organs. Carey Mulligan is magnificent. " +
            "Later they go looking for the woman Ruth was copied from."])[0];

        Assert.NotEqual(SpoilerLevel.None, block.Spoiler.Level);
        var levels = block.Sentences.Select(s => (block.Text[s.Start..s.End], s.Level)).ToArray();
        Assert.NotEqual(SpoilerLevel.None, levels[0].Level);
        Assert.Equal(SpoilerLevel.None, levels[1].Level);
        Assert.NotEqual(SpoilerLevel.None, levels[2].Level);
    }
}
