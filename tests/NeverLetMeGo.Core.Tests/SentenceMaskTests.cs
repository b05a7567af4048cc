using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

/// <summary>mask=sentences: a hidden block shows the sentences the reader may see, and nothing of the others.</summary>
public sealed class SentenceMaskTests
{
    private const string Opinion = "The acting is superb.";
    private const string Twist = "Judy was Madeleine all along.";
    private const string Ending = "She falls from the tower.";

    private static Block Mixed(params (string Text, SpoilerLevel Level)[] sentences)
    {
        var text = string.Join(' ', sentences.Select(s => s.Text));
        var spans = new List<SentenceSpan>();
        var at = 0;
        foreach (var (sentence, level) in sentences)
        {
            spans.Add(new SentenceSpan(at, at + sentence.Length, level));
            at += sentence.Length + 1;
        }

        var highest = sentences.Max(s => s.Level);
        return new Block(3, BlockKind.Paragraph, text, new SpoilerTag(highest, false, 0.9, ["model: 0.90"])) { Sentences = spans };
    }

    [Fact]
    public void A_hidden_block_shows_its_safe_sentences_and_one_hidden_part_per_run_of_the_rest()
    {
        var block = Mixed((Opinion, SpoilerLevel.None), (Twist, SpoilerLevel.Major), (Ending, SpoilerLevel.Major), ("I cried.", SpoilerLevel.None));

        var masked = SpoilerMask.Apply(block, SpoilerTolerance.None, MaskMode.Sentences);

        Assert.True(masked.Hidden);
        Assert.Null(masked.Text);
        Assert.Equal(
            [new MaskedPart(false, SpoilerLevel.None, Opinion), new MaskedPart(true, SpoilerLevel.Major, null), new MaskedPart(false, SpoilerLevel.None, "I cried.")],
            masked.Parts!);
    }

    [Fact]
    public void A_visible_run_keeps_the_text_between_its_sentences()
    {
        var block = Mixed((Opinion, SpoilerLevel.None), ("I cried.", SpoilerLevel.Premise), (Twist, SpoilerLevel.Major));

        var masked = SpoilerMask.Apply(block, SpoilerTolerance.Premise, MaskMode.Sentences);

        Assert.Equal([new MaskedPart(false, SpoilerLevel.Premise, Opinion + " I cried."), new MaskedPart(true, SpoilerLevel.Major, null)], masked.Parts!);
    }

    [Fact]
    public void The_other_modes_and_visible_blocks_have_no_parts()
    {
        var block = Mixed((Opinion, SpoilerLevel.None), (Twist, SpoilerLevel.Major));

        Assert.Null(SpoilerMask.Apply(block, SpoilerTolerance.None, MaskMode.Placeholder).Parts);
        Assert.Null(SpoilerMask.Apply(block, SpoilerTolerance.None, MaskMode.Redact).Parts);
        var shown = SpoilerMask.Apply(block, SpoilerTolerance.All, MaskMode.Sentences);
        Assert.False(shown.Hidden);
        Assert.Null(shown.Parts);
    }

    [Fact]
    public void A_block_stays_whole_when_its_sentences_cannot_be_trusted_or_show_nothing()
    {
        var all = Mixed((Twist, SpoilerLevel.Major), (Ending, SpoilerLevel.Major));
        var none = all with { Sentences = [] };
        // An operator raised the level above what the sentences say: they do not know why, so none of them shows.
        var corrected = Mixed((Opinion, SpoilerLevel.None), (Twist, SpoilerLevel.Premise)) is var b
            ? b with { Spoiler = b.Spoiler with { Level = SpoilerLevel.Major } }
            : null!;
        var outside = Mixed((Opinion, SpoilerLevel.None), (Twist, SpoilerLevel.Major)) is var o
            ? o with { Sentences = [new(0, Opinion.Length, SpoilerLevel.None), new(Opinion.Length + 1, o.Text.Length + 5, SpoilerLevel.Major)] }
            : null!;
        var overlapping = Mixed((Opinion, SpoilerLevel.None), (Twist, SpoilerLevel.Major)) is var v
            ? v with { Sentences = [new(0, Opinion.Length + 4, SpoilerLevel.None), new(Opinion.Length, v.Text.Length, SpoilerLevel.Major)] }
            : null!;

        foreach (var block in new[] { all, none, corrected, outside, overlapping })
        {
            var masked = SpoilerMask.Apply(block, SpoilerTolerance.None, MaskMode.Sentences);
            Assert.True(masked.Hidden);
            Assert.Null(masked.Text);
            Assert.Null(masked.Parts);
        }
    }

    public static TheoryData<string> Pages => [.. SamplePages.All];

    [Theory]
    [MemberData(nameof(Pages))]
    public void On_the_sample_pages_no_part_shows_a_sentence_above_the_tolerance(string page)
    {
        var review = SamplePages.Review(page);
        foreach (var tolerance in new[] { SpoilerTolerance.None, SpoilerTolerance.Premise })
        {
            foreach (var block in review.Blocks.Where(b => !SpoilerMask.IsVisible(b, tolerance)))
            {
                var shown = string.Join('\n', SpoilerMask.Apply(block, tolerance, MaskMode.Sentences).Parts?.Select(p => p.Text) ?? []);
                foreach (var s in block.Sentences.Where(s => !tolerance.Allows(s.Level)))
                    Assert.DoesNotContain(block.Text[s.Start..s.End], shown, StringComparison.Ordinal);
            }
        }
    }
}
