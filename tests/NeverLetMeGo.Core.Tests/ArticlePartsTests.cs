namespace NeverLetMeGo.Core.Tests;

/// <summary>An article printed in parts (sections between figures and ads) comes out whole, and teasers beside it stay out.</summary>
public sealed class ArticlePartsTests
{
    private static readonly string[] More =
    [
        "The second half leaves the school behind, and the cottages feel colder, emptier and far more honest than the classrooms.",
        "Keira Knightley plays Ruth with a brittle edge, and her scenes with Mulligan carry the film's sharpest moments of regret.",
        "Rachel Portman's score stays in the background, a few strings and a piano, and never tells the audience what to feel.",
    ];

    private static string Part(string heading, IEnumerable<string> paragraphs) =>
        $"<section><div class=\"article-body-text\"><h2>{heading}</h2>{string.Concat(paragraphs.Select(p => $"<p>{p}</p>"))}</div></section>";

    private static string Page(string aside = "") => $$"""
        <!DOCTYPE html>
        <html><head><title>A review | Reel Notes</title></head>
        <body>
        <nav><a href="/">Home</a> <a href="/films">Films</a></nav>
        <div class="layout">
          <article>
            {{Part("School days", Pages.Prose.Take(2))}}
            <div class="advert"><p>Advertisement</p></div>
            {{Part("The cottages", Pages.Prose.Skip(2))}}
            <figure><img src="a.jpg" alt=""><figcaption>The beach.</figcaption></figure>
            {{Part("Completion", More)}}
          </article>
          {{aside}}
        </div>
        </body></html>
        """;

    [Fact]
    public void Every_part_of_an_article_split_in_sections_comes_out_in_order()
    {
        var texts = Pages.Process(Page()).Texts();

        string[] expected = ["School days", Pages.Prose[0], Pages.Prose[1], "The cottages", Pages.Prose[2], "Completion", .. More];
        Assert.Equal(expected, texts.Where(t => t != "The beach.").ToArray());
    }

    [Fact]
    public void A_column_of_teasers_beside_the_article_is_not_taken_for_a_part()
    {
        var teasers = string.Concat(Enumerable.Range(1, 6).Select(i =>
            $"<div class=\"teaser\"><h3><a href=\"/p/{i}\">Another quiet film, number {i}, reviewed at length</a></h3><p><a href=\"/p/{i}\">A short excerpt of that review that runs on for a line or so, number {i}.</a></p></div>"));

        var text = Pages.Process(Page($"<div class=\"column\">{teasers}</div>")).AllText();

        Assert.Contains(More[2], text, StringComparison.Ordinal);
        Assert.DoesNotContain("Another quiet film", text, StringComparison.Ordinal);
        Assert.DoesNotContain("short excerpt", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_last_part_with_the_markup_of_the_first_is_still_a_part()
    {
        // A blog platform prints a post as parts of one markup, each a div of the same classes, split by a figure. The
        // first part holds most of the prose; the last adds only a quarter as much again, too little to widen by its share
        // alone (a newsletter box adds as much), but it is printed as a part of the post.
        static string Part(IEnumerable<string> paragraphs) =>
            $"<div class=\"n p\"><div class=\"z ab ac\">{string.Concat(paragraphs.Select(p => $"<p>{p}</p>"))}</div></div>";
        var html = $$"""
            <!DOCTYPE html><html><head><title>A review | Reel Notes</title></head><body>
            <article><div><section class="cy cz">
            {{Part(Pages.Prose.Concat(More))}}
            <figure><img src="a.jpg" alt=""></figure>
            {{Part(["The last scene on the beach is the one I keep thinking about, weeks after the screening, and not for its words.", "It is a film to see once, in a quiet cinema, and then to carry about for a long while, like a letter."])}}
            </section></div></article>
            </body></html>
            """;

        var texts = Pages.Process(html).Texts();

        Assert.Contains(More[2], texts);
        Assert.Contains("It is a film to see once, in a quiet cinema, and then to carry about for a long while, like a letter.", texts);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Parts_of_one_markup_join_even_when_the_article_around_them_brings_its_own_links(bool linked)
    {
        // A newspaper prints the story as two parts of one markup with an advert between, inside an article element that
        // also holds a row of links under the headline: too many links to take the whole article, so the part the story
        // came from is the top and the other part joins it as a sibling. Without the links the article is taken whole,
        // and not narrowed back to the part its class marks as the story's body.
        var share = string.Concat(Enumerable.Range(1, 12).Select(i => $"<li><a href=\"/share/{i}\">Share on network number {i}</a></li>"));
        static string Part(IEnumerable<string> paragraphs) =>
            $"<div class=\"story-body-supplemental\"><div class=\"story-body\">{string.Concat(paragraphs.Select(p => $"<p class=\"story-body-text\">{p}</p>"))}</div></div>";
        var html = $$"""
            <!DOCTYPE html><html><head><title>A review | Reel Notes</title></head><body>
            <main><article id="story">
            <h1>A review</h1>{{(linked ? $"<div class=\"kicker-row\"><ul>{share}</ul></div>" : "")}}
            {{Part(["It opens on a grey beach, and the first minutes tell you nothing, and then everything, in one long look.", Pages.Prose[0]])}}
            <div class="story-interrupter"><div class="ad">Advertisement</div></div>
            {{Part(Pages.Prose.Skip(1).Concat(More))}}
            </article></main>
            </body></html>
            """;

        var texts = Pages.Process(html).Texts();

        Assert.Equal("It opens on a grey beach, and the first minutes tell you nothing, and then everything, in one long look.", texts[0]);
        Assert.Contains(More[2], texts);
        Assert.DoesNotContain(texts, t => t.Contains("Share on network", StringComparison.Ordinal));
    }
}
