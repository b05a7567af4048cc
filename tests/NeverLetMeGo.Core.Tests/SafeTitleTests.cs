using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

public sealed class SafeTitleTests
{
    private static readonly Block[] Blocks =
    [
        new(0, BlockKind.Paragraph, "Never Let Me Go is a quiet film.", SpoilerTag.Clean),
        new(1, BlockKind.Paragraph, "In Never Let Me Go the students complete after their donations at the recovery centre.",
            new SpoilerTag(SpoilerLevel.Major, false, 0.9, ["after the author's spoiler warning"])),
    ];

    [Theory]
    [InlineData("Never Let Me Go")]
    [InlineData("Never Let Me Go: deeper thoughts on a heartbreaking story")]
    [InlineData("Review: Never Let Me Go (no spoilers)")]
    public void A_title_that_only_shares_the_work_name_with_a_spoiler_is_kept(string title)
        => Assert.Equal((title, false), SafeText.Title(title, "Never Let Me Go", Blocks));

    [Theory]
    [InlineData("The students complete after their donations")]
    [InlineData("Never Let Me Go: students complete after their donations")]
    [InlineData("Never Let Me Go ending explained")]
    public void A_title_that_repeats_a_spoiler_or_names_a_reveal_is_replaced(string title)
        => Assert.Equal(("A review of Never Let Me Go", true), SafeText.Title(title, "Never Let Me Go", Blocks));

    [Theory]
    [InlineData(SpoilerLevel.Premise)]
    [InlineData(SpoilerLevel.Major)]
    public void A_title_the_tagger_read_as_a_spoiler_is_replaced_though_no_paragraph_repeats_it(SpoilerLevel level)
        => Assert.Equal(("A review of Never Let Me Go", true), SafeText.Title("Never Let Me Go: Tommy's drawings and a rumour", "Never Let Me Go", Blocks, level));

    [Fact]
    public void The_pipeline_reads_the_title_with_the_detector()
    {
        const string body = "<p>I saw this film last week with a friend and we talked about it for hours afterwards.</p>"
            + "<p>The acting is excellent, the photography muted and lovely, and the music gentle.</p>";
        static Review Page(string title, string body) => ReviewPipeline.Process(
            $"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>", new Uri("https://example.com/r"));

        Assert.NotEqual(SpoilerLevel.None, Page("Never Let Me Go: the clones who never ran", body).TitleLevel);
        Assert.Equal(SpoilerLevel.None, Page("Never Let Me Go review - a quiet, devastating triumph", body).TitleLevel);
        Assert.Equal(SpoilerLevel.None, Page("Never Let Me Go (spoilers)", body).TitleLevel);
        // A "title" longer than any headline is not read, and so never shown as it is.
        Assert.Equal(SpoilerLevel.Major, Page(string.Join(' ', Enumerable.Repeat("A quiet and lovely film.", 20)), body).TitleLevel);
    }
}
