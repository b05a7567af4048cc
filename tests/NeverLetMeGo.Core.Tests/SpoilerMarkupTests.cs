using NeverLetMeGo.Core.Extraction;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Text;

namespace NeverLetMeGo.Core.Tests;

/// <summary>
/// Spoiler markup inside a paragraph marks the sentences it wraps, not the paragraph: the opinions around a hidden line
/// stay readable in sentence mode. Warnings about spoilers are never marks.
/// </summary>
public sealed class SpoilerMarkupTests
{
    private const string Spoiler = "Ruth dies on the operating table.";
    private const string Paragraph = "Loved the cast. " + Spoiler + " The score is lovely.";

    private static string Page(string inner) => Pages.Article(Pages.ProseParagraphs() + inner);

    private static SourceBlock Source(string inner, string text = Paragraph) =>
        ReviewPipeline.Extract(Page(inner), Pages.Url).Article.Blocks.Single(b => b.Text == text);

    private static Block Tagged(string inner, string text = Paragraph) => Pages.Process(Page(inner)).Blocks.Single(b => b.Text == text);

    [Theory]
    [InlineData("<span class=\"spoiler\">", "</span>")]
    [InlineData("<span class=\"spoiler-text\">", "</span>")]
    [InlineData("<span class=\"md-spoiler-text\">", "</span>")]
    [InlineData("<span class=\"spoiler-blur\">", "</span>")]
    [InlineData("<spoiler>", "</spoiler>")]
    [InlineData("<span data-spoiler>", "</span>")]
    [InlineData("<span data-spoiler=\"true\">", "</span>")]
    [InlineData("<span role=\"button\" aria-label=\"Spoiler\">", "</span>")]
    [InlineData("<button class=\"spoiler\">", "</button>")]
    [InlineData("<span class=\"reveal\" onclick=\"show(this)\">Show spoiler <span style=\"display:none\">", "</span></span>")]
    [InlineData("<button type=\"button\">Click to reveal spoiler<span hidden>", "</span></button>")]
    [InlineData("<span style=\"color:#ffffff;background-color:#ffffff\">", "</span>")]
    [InlineData("<span style=\"color: white\">", "</span>")]
    [InlineData("<font color=\"#FFFFFF\">", "</font>")]
    public void A_spoiler_element_inside_a_paragraph_hides_its_sentence_and_leaves_the_others_readable(string open, string close)
    {
        var source = Source($"<p>Loved the cast. {open}{Spoiler}{close} The score is lovely.</p>");
        Assert.False(source.MarkedSpoiler);
        var part = Assert.Single(source.MarkedParts!);
        Assert.Equal(Spoiler, Paragraph[part.Start..part.End]);

        var block = Tagged($"<p>Loved the cast. {open}{Spoiler}{close} The score is lovely.</p>");
        Assert.Equal(SpoilerLevel.Major, block.Spoiler.Level);
        Assert.Contains("part marked as spoiler in the page", block.Spoiler.Reasons);
        var marked = block.Sentences.Single(s => block.Text[s.Start..s.End] == Spoiler);
        Assert.Equal(SpoilerLevel.Major, marked.Level);
        Assert.All(block.Sentences.Where(s => s != marked), s => Assert.NotEqual(SpoilerLevel.Major, s.Level));
    }

    [Theory]
    [InlineData("<p>Loved the cast. <span style=\"color:#fff;background:#c00\">Ruth dies on the operating table.</span> The score is lovely.</p>")]
    [InlineData("<p><span style=\"color:#ffffff;\">.</span> Loved the cast. Ruth dies on the operating table. The score is lovely.</p>")]
    public void White_on_colour_and_a_white_spacer_hide_nothing(string paragraph)
    {
        Assert.Null(ReviewPipeline.Extract(Page(paragraph), Pages.Url).Article.Blocks.Single(b => b.Text.Contains("Loved", StringComparison.Ordinal)).MarkedParts);
    }

    [Fact]
    public void A_spoiler_the_page_hides_until_asked_is_kept_as_marked_text_and_other_hidden_text_is_not()
    {
        var source = Source(
            $"<p>Loved the cast. <span class=\"spoilerAction\">(view spoiler)</span><span class=\"spoilerContainer\" style=\"display:none\">{Spoiler}</span> The score is lovely.<span style=\"display:none\">Tracking pixel text.</span></p>");

        var part = Assert.Single(source.MarkedParts!);
        Assert.Equal(Spoiler, Paragraph[part.Start..part.End]);
    }

    [Theory]
    [InlineData("Who did it? (click to open)", true)]
    [InlineData("What happens at the end", true)]
    [InlineData("The twist", true)]
    [InlineData("Cast and crew", false)]
    public void A_details_folded_under_what_it_reveals_is_spoiler_markup(string summary, bool marked)
    {
        var source = ReviewPipeline.Extract(Page($"<details><summary>{summary}</summary><p>{Spoiler}</p></details>"), Pages.Url).Article.Blocks.Single(b => b.Text == Spoiler);

        Assert.Equal(marked, source.MarkedSpoiler);
    }

    [Fact]
    public void Marked_stretches_are_positions_in_the_text_as_rendered()
    {
        // Entities, runs of whitespace, a line break and two spans in a row: the marks must still fall on the words.
        var source = Source(
            "<p>Loved\n   the&nbsp;cast.<br> <span class=\"spoiler\"> Ruth   dies </span>\n<span class=\"spoiler\">on the operating&#32;table. </span>  The score is lovely.</p>");

        Assert.Equal([new TextSpan(16, 49)], source.MarkedParts);
        Assert.Equal(Spoiler, source.Text[16..49]);
    }

    [Theory]
    [InlineData("<p><span class=\"spoiler\">Ruth dies. Tommy screams.</span></p>", "Ruth dies. Tommy screams.")]
    [InlineData("<p>\u201C<span data-spoiler>Ruth dies. Tommy screams.</span>\u201D</p>", "\u201CRuth dies. Tommy screams.\u201D")]
    [InlineData("<div data-spoiler=\"true\"><p>Ruth dies. Tommy screams.</p></div>", "Ruth dies. Tommy screams.")]
    public void A_block_all_inside_spoiler_markup_is_marked_whole(string inner, string text)
    {
        var source = Source(inner, text);
        Assert.True(source.MarkedSpoiler);

        var block = Tagged(inner, text);
        Assert.Equal(["marked as spoiler in the page"], block.Spoiler.Reasons);
        Assert.All(block.Sentences, s => Assert.Equal(SpoilerLevel.Major, s.Level));
    }

    [Theory]
    [InlineData("<span data-spoiler=\"false\">")]
    [InlineData("<span data-spoiler-free>")]
    [InlineData("<span class=\"no-spoilers\">")]
    [InlineData("<span class=\"spoiler-free\">")]
    [InlineData("<span class=\"spoiler-warning\">")]
    [InlineData("<span class=\"spoiler-alert\">")]
    [InlineData("<span class=\"contains-spoilers\">")]
    [InlineData("<span aria-label=\"Spoiler warning\">")]
    [InlineData("<span aria-label=\"Contains spoilers\">")]
    public void Markup_that_names_spoilers_without_hiding_one_marks_nothing(string open)
    {
        var source = Source($"<p>Loved the cast. {open}{Spoiler}</span> The score is lovely.</p>");

        Assert.False(source.MarkedSpoiler);
        Assert.Null(source.MarkedParts);
    }

    [Fact]
    public void A_spoiler_alert_banner_is_shown_and_read_as_the_authors_warning()
    {
        var review = Pages.Process(Page($"<div class=\"spoiler-alert\">Spoiler alert!</div><p>{Spoiler}</p>"));

        var banner = review.Blocks.Single(b => b.Text == "Spoiler alert!");
        Assert.True(banner.Spoiler.Warning);
        Assert.Equal(SpoilerLevel.Major, review.Blocks.Single(b => b.Text == Spoiler).Spoiler.Level);
    }

    [Fact]
    public void A_reveal_control_loses_its_label_and_a_label_before_text_stays_a_warning()
    {
        var toggled = Pages.Process(Page("<p>Loved the cast. <span class=\"reveal\" onclick=\"show(this)\">Spoiler (click to reveal)<span hidden>"
            + Spoiler + "</span></span> The score is lovely.</p>"));
        Assert.Contains(Paragraph, toggled.Texts());
        Assert.DoesNotContain(toggled.Blocks, b => b.Text.Contains("click", StringComparison.OrdinalIgnoreCase));

        // "Spoiler:" in front of its text is the author's label, not a control: it stays, and the tagger reads it as a warning.
        var labelled = Pages.Process(Page($"<p class=\"note\">Spoiler: <b>{Spoiler}</b></p>"));
        var block = labelled.Blocks.Single(b => b.Text == "Spoiler: " + Spoiler);
        Assert.True(block.Spoiler.Warning || block.Spoiler.Reasons.Contains("author spoiler warning"));
    }
}
