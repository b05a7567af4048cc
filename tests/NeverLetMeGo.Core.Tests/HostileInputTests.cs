using System.Text;

namespace NeverLetMeGo.Core.Tests;

public sealed class HostileInputTests
{
    private static ExtractionException Fails(string html) =>
        Assert.Throws<ExtractionException>(() => ReviewPipeline.Process(html, Pages.Url));

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void An_empty_document_fails_with_a_reason(string html)
    {
        Assert.Equal("document is empty", Fails(html).Message);
    }

    [Fact]
    public void Binary_garbage_is_not_html()
    {
        var bytes = new byte[8192];
        new Random(7).NextBytes(bytes);
        var garbage = Encoding.Latin1.GetString(bytes);

        Assert.StartsWith("document is not HTML", Fails(garbage).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_is_not_html()
    {
        Assert.StartsWith("document is not HTML", Fails("Just a sentence of text, with no markup at all.").Message, StringComparison.Ordinal);
    }

    // Past the parser's nesting limit a page is read as browsers read it, its nesting flattened where they stop nesting
    // (DepthClamp): its text comes out, in one pass over the markup.
    [Fact]
    public void Ten_thousand_nested_divs_are_flattened_and_their_text_read()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 10_000)) + "deep text" + string.Concat(Enumerable.Repeat("</div>", 10_000));

        Assert.Equal(["deep text"], ReviewPipeline.Process(html, Pages.Url).Texts());
    }

    // Found by the fuzz verb on a Dragnet page wrapped in 1,500 levels: its description's apostrophe ("the game's") ends
    // the quoted value, and the flattening read the next apostrophe as opening another, so the rest of the page was one
    // tag, nothing was flattened and the page failed for its depth.
    [Fact]
    public void A_stray_apostrophe_in_an_attribute_does_not_stop_deep_nesting_from_being_flattened()
    {
        var html = "<html><head><meta name='description' content='The Falcons lost after the game's final minutes, Falcons '>"
            + "<meta name='keywords' content=''></head><body>" + string.Concat(Enumerable.Repeat("<div>", 1_500)) + "deep text"
            + string.Concat(Enumerable.Repeat("</div>", 1_500)) + "</body></html>";

        Assert.Equal(["deep text"], ReviewPipeline.Process(html, Pages.Url).Texts());
    }

    [Fact]
    public void Ten_thousand_unclosed_inline_tags_keep_every_word()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<span><b>word ", 5_000));

        var text = string.Join(" ", ReviewPipeline.Process(html, Pages.Url).Texts());

        Assert.Equal(5_000, text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w == "word"));
    }

    [Fact]
    public void An_old_page_that_never_closes_its_font_tags_gives_every_paragraph()
    {
        var html = "<html><head><title>My trip</title></head><body>" + string.Concat(Enumerable.Range(1, 1_500).Select(i =>
            $"<font face=arial size=2>Day {i} of the walk along the coast, written up that evening in the guest house.<br><br>"));

        var texts = ReviewPipeline.Process(html, Pages.Url).Texts();

        Assert.Equal(1_500, texts.Count);
        Assert.Equal("Day 1500 of the walk along the coast, written up that evening in the guest house.", texts[^1]);
    }

    [Fact]
    public void Deep_but_bounded_nesting_is_still_extracted()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 400)) + "<p>" + Pages.Prose[0] + "</p>" + string.Concat(Enumerable.Repeat("</div>", 400)) + "</body></html>";

        Assert.Equal([Pages.Prose[0]], ReviewPipeline.Process(html, Pages.Url).Texts());
    }

    [Fact]
    public void Unclosed_tags_still_give_the_text()
    {
        var html = "<html><body><div class=\"entry-content\"><p>" + Pages.Prose[0] + "<p>" + Pages.Prose[1] + " <b>bold <i>italic";

        var texts = ReviewPipeline.Process(html, Pages.Url).Texts();

        Assert.Equal(Pages.Prose[0], texts[0]);
        Assert.Equal(Pages.Prose[1] + " bold italic", texts[1]);
    }

    [Theory]
    [InlineData("<html><body></body></html>")]
    [InlineData("<html><head><title>Only a title</title></head><body><script>var x = 'text';</script></body></html>")]
    [InlineData("<html><body><nav><a href=\"/\">Home</a></nav><footer>Copyright</footer></body></html>")]
    public void A_page_without_readable_text_fails_with_a_reason(string html)
    {
        Assert.Equal("no readable text found", Fails(html).Message);
    }

    [Fact]
    public void Broken_variants_of_a_real_page_never_throw_anything_but_extraction_exceptions()
    {
        var page = SamplePages.Read(SamplePages.WordPress);
        var random = new Random(42);
        for (var i = 0; i < 40; i++)
        {
            var variant = (i % 4) switch
            {
                0 => page[..random.Next(page.Length)],
                1 => page[random.Next(page.Length)..],
                2 => Shuffle(page, random),
                _ => page.Replace(">", random.Next(2) == 0 ? string.Empty : "<", StringComparison.Ordinal),
            };

            var exception = Record.Exception(() => ReviewPipeline.Process(variant, Pages.Url));

            // A refusal names its reason; "page could not be processed (Type: …)" is the guard's wrapping of an exception no rule meant.
            Assert.True(exception is null or ExtractionException, $"variant {i} threw {exception}");
            Assert.False(exception?.Message.StartsWith("page could not be processed (", StringComparison.Ordinal) == true, $"variant {i}: {exception?.Message}");
        }
    }

    private static string Shuffle(string page, Random random)
    {
        var chunks = Enumerable.Range(0, page.Length / 500 + 1).Select(k => page.Substring(k * 500, Math.Min(500, page.Length - (k * 500)))).ToArray();
        random.Shuffle(chunks);
        return string.Concat(chunks);
    }

    // Found by bench/extraction's fuzz verb: a CMS that cuts a description in the middle of an emoji leaves half of its
    // escaped pair ("\ud83d") in the page's JSON-LD; reading it as a string threw, and the whole page failed.
    [Fact]
    public void Json_ld_with_half_an_escaped_emoji_still_gives_the_page_and_its_metadata()
    {
        const string ld = """
            <script type="application/ld+json">{"@type":"Review","headline":"A quiet film \ud83d","author":{"@type":"Person","name":"Ann Lee \udc00"},"datePublished":"2011-02-03"}</script>
            """;

        var review = Pages.Process(Pages.Article(Pages.ProseParagraphs(), head: ld));

        Assert.Equal(Pages.Prose, review.Texts());
        Assert.Equal("A quiet film \uFFFD", review.Title);
        Assert.Equal("Ann Lee \uFFFD", review.Author);
        Assert.Equal(new DateTimeOffset(2011, 2, 3, 0, 0, 0, TimeSpan.Zero), review.PublishedAt);
    }

    [Theory]
    [InlineData("""{"a":"cut \ud83d"}""", """{"a":"cut \ufffd"}""")]
    [InlineData("""{"a":"\udc00 late"}""", """{"a":"\ufffd late"}""")]
    [InlineData("""{"a":"whole \ud83d\ude00 pair"}""", """{"a":"whole \ud83d\ude00 pair"}""")]
    [InlineData("""{"a":"a backslash, then text: \\ud83d"}""", """{"a":"a backslash, then text: \\ud83d"}""")]
    [InlineData("""{"a":"plain"}""", """{"a":"plain"}""")]
    public void Only_half_pairs_of_escaped_surrogates_are_replaced(string json, string expected)
    {
        Assert.Equal(expected, NeverLetMeGo.Core.Extraction.Metadata.JsonLdReader.WithoutHalfPairs(json));
    }

    // A NUL renders as nothing (the HTML parser drops it, "&#0;" is U+FFFD), and PostgreSQL cannot store one in text: one
    // stray NUL near the top of a page made it "binary", and one further down reached the database.
    [Fact]
    public void A_stray_nul_neither_refuses_the_page_nor_reaches_its_text()
    {
        var html = Pages.Article(Pages.ProseParagraphs().Replace("The film", "The\0 film", StringComparison.Ordinal).Replace("Carey", "Ca&#0;rey", StringComparison.Ordinal));

        var review = Pages.Process(html);

        Assert.Equal(Pages.Prose, review.Texts());
        Assert.DoesNotContain(review.Texts(), t => t.Contains('\0', StringComparison.Ordinal));
    }

    // Numeric character references as browsers read them (HTML's "numeric character reference end state"): one beyond
    // U+FFFF is a surrogate pair, 0x80-0x9F are windows-1252's characters (old pages write "don&#146;t"), one past
    // U+10FFFF is U+FFFD, and "&#x;" is no reference at all. HtmlAgilityPack's decoder wrote "&##x1F600;" for an emoji,
    // "&##x;" for the last and a C1 control character for "&#146;".
    [Theory]
    [InlineData("A smile &#x1F600; and &#128512; here.", "A smile \U0001F600 and \U0001F600 here.")]
    [InlineData("It don&#146;t matter &#147;much&#148; &#151; really &#128; 5.", "It don\u2019t matter \u201Cmuch\u201D \u2014 really \u20AC 5.")]
    [InlineData("Out of range &#x110000; and &#99999999999; end.", "Out of range \uFFFD and \uFFFD end.")]
    [InlineData("Not references: &#x; &#; &#-1; &unknown; end.", "Not references: &#x; &#; &#-1; &unknown; end.")]
    [InlineData("Once: &amp;amp; caf&eacute; &#38;amp; end.", "Once: &amp; caf\u00E9 &amp; end.")]
    [InlineData("No semicolon: &#65&#x42 end.", "No semicolon: AB end.")]
    public void Character_references_decode_as_browsers_decode_them(string html, string text)
    {
        var paragraphs = Pages.ProseParagraphs() + $"<p>{html}</p>";

        Assert.Equal(text, Pages.Process(Pages.Article(paragraphs)).Texts()[^1]);
    }

    [Fact]
    public void Text_made_of_nuls_is_still_binary()
    {
        var html = "<html><body><p>" + new string('\0', 400) + "</p></body></html>";

        Assert.StartsWith("document is not HTML", Fails(html).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Megabytes_of_markup_around_a_short_article_still_give_the_article()
    {
        var noise = string.Concat(Enumerable.Repeat("<div class=\"x\"><span></span><span></span><a href=\"#\"></a></div>\n", 60_000));
        var html = Pages.Article(Pages.ProseParagraphs(), around: noise);
        Assert.True(html.Length > 3_000_000);

        Assert.Equal(Pages.Prose, ReviewPipeline.Process(html, Pages.Url).Texts());
    }
}
