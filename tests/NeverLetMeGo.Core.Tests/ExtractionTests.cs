using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

public sealed class ExtractionTests
{
    private static Review Extract(string inner, string around = "") => Pages.Process(Pages.Article(Pages.ProseParagraphs() + inner, around: around));

    [Theory]
    [InlineData("<p>Hello <em>world</em> and<strong> friends</strong>, again.</p>", "Hello world and friends, again.")]
    [InlineData("<p>The <a href=\"/x\">first</a><a href=\"/y\">second</a> link.</p>", "The firstsecond link.")]
    [InlineData("<p>One line<br>next line.</p>", "One line next line.")]
    [InlineData("<p>Fish &amp; chips&nbsp;&nbsp; at&#160;noon, it&#8217;s late.</p>", "Fish & chips at noon, it\u2019s late.")]
    [InlineData("<p>  Spread\n\t over   lines\r\n here.  </p>", "Spread over lines here.")]
    [InlineData("<p>Look <img src=\"a.jpg\" alt=\"ALT TEXT\"> here.</p>", "Look here.")]
    [InlineData("<p>zero\u200Bwidth soft\u00ADhyphen</p>", "zerowidth softhyphen")]
    public void Inline_text_joins_as_rendered(string html, string expected)
    {
        Assert.Contains(expected, Extract(html).Texts());
    }

    [Fact]
    public void Block_boundaries_never_glue_words()
    {
        var texts = Extract("<div>first part</div><div>second part</div><ul><li>item one</li><li>item two</li></ul>").Texts();

        Assert.Contains("first part", texts);
        Assert.Contains("second part", texts);
        Assert.DoesNotContain(texts, t => t.Contains("partsecond", StringComparison.Ordinal) || t.Contains("oneitem", StringComparison.Ordinal));
    }

    [Fact]
    public void Double_line_breaks_split_paragraphs_as_blogger_writes_them()
    {
        var review = Pages.Process(Pages.Article(
            "When reviewing the film I was careful, and I kept to the first act.<br />\n<br />\nThe second paragraph starts here, after two breaks.<br>Still the second.<br><br><br>A third one, after three breaks."));

        var texts = review.Texts();
        Assert.Contains("When reviewing the film I was careful, and I kept to the first act.", texts);
        Assert.Contains("The second paragraph starts here, after two breaks. Still the second.", texts);
        Assert.Contains("A third one, after three breaks.", texts);
    }

    [Theory]
    [InlineData("<p hidden>HIDDEN ATTRIBUTE</p>")]
    [InlineData("<p aria-hidden=\"true\">ARIA HIDDEN</p>")]
    [InlineData("<div style=\"display: none\">DISPLAY NONE</div>")]
    [InlineData("<div style=\"color:red;visibility:hidden\">VISIBILITY HIDDEN</div>")]
    [InlineData("<span class=\"screen-reader-text\">SCREEN READER</span>")]
    [InlineData("<script>var SCRIPT = 1;</script><style>.STYLE{}</style><noscript>NOSCRIPT</noscript>")]
    [InlineData("<form><label>FORM LABEL</label><textarea>FORM TEXT</textarea><button>BUTTON</button></form>")]
    public void Hidden_and_non_text_elements_are_dropped(string html)
    {
        var text = Extract(html).AllText();

        Assert.DoesNotMatch("[A-Z]{4,}", text);
    }

    [Theory]
    [InlineData("<div class=\"sharedaddy sd-sharing\"><h3>Share this:</h3><ul><li><a href=\"#\">Twitter</a></li></ul></div>", "Share this")]
    [InlineData("<div id=\"jp-relatedposts\" class=\"jp-relatedposts\"><h3>Related Articles</h3><p>Why children believe what they are told, and more.</p></div>", "Related Articles")]
    [InlineData("<div class=\"cookie-notice\">We use cookies to improve your experience, of course.</div>", "cookies")]
    [InlineData("<div class=\"newsletter-signup\"><p>Subscribe to our newsletter for weekly picks.</p></div>", "Subscribe")]
    [InlineData("<div class=\"poll\"><p>Do clones have souls?</p><ul><li>Yes</li><li>No</li></ul></div>", "clones have souls")]
    [InlineData("<div class=\"author-box\"><p>Leah writes about film, books and questions.</p></div>", "Leah writes")]
    [InlineData("<div class=\"rating-widget\"><span>Click to Rate This Article</span></div>", "Rate This")]
    [InlineData("<aside><p>An aside with a long sentence that is not the article, really.</p></aside>", "An aside")]
    [InlineData("<div class=\"ad-slot\"><span>Advertisement</span></div>", "Advertisement")]
    public void Boilerplate_inside_the_article_is_dropped(string html, string marker)
    {
        var text = Extract(html).AllText();

        Assert.DoesNotContain(marker, text, StringComparison.Ordinal);
        Assert.Contains(Pages.Prose[0], text, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_furniture_around_the_article_is_dropped()
    {
        var review = Extract(string.Empty, around: "<div id=\"sidebar\" class=\"widget-area\"><h2>More by this Author</h2><p>Five quiet science fiction films, worth an evening of your time.</p></div>");

        var text = review.AllText();
        Assert.DoesNotContain("More by this Author", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Copyright", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Home", review.Texts());
    }

    [Fact]
    public void A_sidebar_that_outweighs_a_short_marked_post_is_still_a_sidebar()
    {
        var profile = string.Concat(Enumerable.Range(1, 8).Select(i =>
            $"<p>I have written about films for twenty years, mostly quiet ones, slow ones, sad ones, and, now and then, a comedy, and I still think, on most days, that the best of them is the one I saw last, part {i}.</p>"));
        var html = $$"""
            <html><head><title>Short take | Reel Notes</title></head><body>
            <div id="content">
              <div id="main"><div class="post"><h3 class="post-title">Short take</h3>
                <div class="post-body"><p>Saw it again tonight: still the saddest film about a school I know.</p></div></div></div>
              <div id="sidebar"><div id="profile-container"><h2>About me</h2>{{profile}}</div></div>
            </div></body></html>
            """;

        var texts = Pages.Process(html).Texts();

        Assert.Equal(["Saw it again tonight: still the saddest film about a school I know."], texts);
    }

    [Fact]
    public void A_content_container_survives_broad_boilerplate_tokens_on_itself_and_its_wrappers()
    {
        var html = Pages.Article(string.Empty).Replace("<div id=\"content\">", "<div id=\"content\" class=\"has-sidebar with-share-bar\">", StringComparison.Ordinal)
            .Replace("<div class=\"entry-content\">", "<div class=\"entry-content share-enabled\">" + Pages.ProseParagraphs(), StringComparison.Ordinal);

        Assert.Equal(Pages.Prose, Pages.Process(html).Texts());
    }

    [Fact]
    public void Headings_lists_quotes_and_captions_keep_their_kinds_in_reading_order()
    {
        var review = Extract("<h2>What works</h2><ul><li>The <b>cast</b></li><li><p>The score</p></li></ul><blockquote><p>We had the Gallery in order to see if you had souls at all.</p></blockquote><figure><img src=\"x.jpg\" alt=\"still\"><figcaption>Hailsham in winter</figcaption></figure>");

        var tail = review.Blocks.Skip(Pages.Prose.Length).Select(b => (b.Kind, b.Text)).ToArray();
        Assert.Equal(
            [
                (BlockKind.Heading, "What works"),
                (BlockKind.ListItem, "The cast"),
                (BlockKind.ListItem, "The score"),
                (BlockKind.Quote, "We had the Gallery in order to see if you had souls at all."),
                (BlockKind.Paragraph, "Hailsham in winter"),
            ],
            tail);
        Assert.Equal(Enumerable.Range(0, review.Blocks.Count), review.Blocks.Select(b => b.Index));
    }

    [Fact]
    public void The_post_title_repeated_at_the_top_is_dropped()
    {
        var html = Pages.Article("<h1>A review</h1>" + Pages.ProseParagraphs());

        var review = Pages.Process(html);

        Assert.Equal("A review", review.Title);
        Assert.Equal(Pages.Prose[0], review.Blocks[0].Text);
    }

    [Fact]
    public void A_byline_at_the_top_is_dropped_and_names_the_author()
    {
        var review = Pages.Process(Pages.Article("<p>By John C.</p>" + Pages.ProseParagraphs()));

        Assert.Equal("John C.", review.Author);
        Assert.Equal(Pages.Prose, review.Texts());
    }

    [Fact]
    public void A_byline_that_prints_the_date_beside_the_name_names_its_author_by_the_profile_link()
    {
        var withProfile = Pages.Process(Pages.Article("<div class=\"byline-wrapper\"><a href=\"/profile/sam\">Sam Reyes</a><div class=\"post-date\">Oct 3, 2024</div></div>" + Pages.ProseParagraphs()));
        var withOtherLink = Pages.Process(Pages.Article("<div class=\"byline-wrapper\"><a href=\"/podcast\">Space Boffins podcast</a><div class=\"post-date\">Oct 3, 2024</div></div>" + Pages.ProseParagraphs()));

        Assert.Equal("Sam Reyes", withProfile.Author);
        Assert.Null(withOtherLink.Author);
    }

    [Fact]
    public void A_post_s_reading_time_line_and_member_banner_are_not_text()
    {
        var review = Pages.Process(Pages.Article("<p>Member-only story</p><p>Priya N. · Follow · 6 min read · Feb 11, 2022</p>" + Pages.ProseParagraphs()));

        Assert.Equal(Pages.Prose, review.Texts());
    }

    [Fact]
    public void A_warning_drawn_as_a_picture_is_read_by_its_alt_text_and_other_pictures_are_not()
    {
        var review = Pages.Process(Pages.Article(
            "<p><img src=\"poster.jpg\" alt=\"The poster: Dani in her flower dress\"></p>" + Pages.ProseParagraphs()
            + "<p><img src=\"spoiler-alert.png\" alt=\"Spoiler alert\"></p><p>Christian is sewn into a bear and burned in the temple.</p>"));

        var warning = review.Blocks.Single(b => b.Text == "Spoiler alert");
        Assert.True(warning.Spoiler.Warning);
        Assert.DoesNotContain(review.Blocks, b => b.Text.Contains("poster", StringComparison.Ordinal));
        Assert.Contains("after the author's spoiler warning", review.Blocks[^1].Spoiler.Reasons);
    }

    [Theory]
    [InlineData("<div class=\"entry-content\">", "</div>")]
    [InlineData("", "")]
    public void The_next_article_an_endless_page_appends_is_not_part_of_the_review(string open, string close)
    {
        string Post(string title, IEnumerable<string> paragraphs) =>
            $"<article class=\"post\"><h1 class=\"entry-title\">{title}</h1>{open}{string.Concat(paragraphs.Select(p => $"<p>{p}</p>"))}{close}</article>";
        string[] next =
        [
            "Jonathan Glazer's film stays on the garden side of the wall, where the commandant's family lives an ordinary life.",
            "The sound design does what the images refuse to, and it is the most frightening film of the year for it.",
        ];
        var html = "<html><head><title>A review</title></head><body><main>" + Post("A review", Pages.Prose)
            + "<div class=\"next-article-divider\">Next article</div>" + Post("Another review", next) + "</main></body></html>";

        Assert.Equal(Pages.Prose, Pages.Process(html).Texts());
    }

    [Fact]
    public void Explicit_spoiler_markup_survives_hiding_and_is_marked()
    {
        var review = Extract("<div class=\"su-spoiler\"><div class=\"su-spoiler-title\">Show spoiler</div><div class=\"su-spoiler-content\" style=\"display:none\">Ruth completes after her second donation.</div></div><details><summary>Spoilers</summary><p>Tommy screams in the field.</p></details><p class=\"no-spoilers\">A spoiler-free closing line.</p>");

        var ruth = review.Blocks.Single(b => b.Text.StartsWith("Ruth", StringComparison.Ordinal));
        var tommy = review.Blocks.Single(b => b.Text.StartsWith("Tommy", StringComparison.Ordinal));
        Assert.Equal((SpoilerLevel.Major, 1.0), (ruth.Spoiler.Level, ruth.Spoiler.Score));
        Assert.Equal(["marked as spoiler in the page"], tommy.Spoiler.Reasons);
        Assert.DoesNotContain(review.Blocks, b => b.Text is "Show spoiler" or "Spoilers");
        Assert.Equal(SpoilerLevel.None, review.Blocks.Single(b => b.Text.StartsWith("A spoiler-free", StringComparison.Ordinal)).Spoiler.Level);
    }

    [Fact]
    public void The_wordpress_more_comment_is_a_jump_break()
    {
        var review = Pages.Process(Pages.Article("<p>Some set-up first.</p><p>Beware: there are spoilers after the jump.</p><p>Still safe to read here.</p><!--more--><p>Then Ruth confesses what she did to Kathy and Tommy.</p><p>Tommy screams alone in the dark field.</p>"));

        var levels = review.Blocks.Select(b => b.Spoiler.Level).ToArray();
        Assert.Equal([SpoilerLevel.None, SpoilerLevel.None, SpoilerLevel.None, SpoilerLevel.Major, SpoilerLevel.Major], levels);
        Assert.True(review.Blocks[1].Spoiler.Warning);
    }

    [Fact]
    public void A_list_of_sentences_that_carry_links_is_article_text_and_a_list_of_bare_links_is_not()
    {
        var review = Extract("""
            <ul><li>We saw <a href="/a">the new adaptation of the novel</a> at the festival.</li>
            <li>The studio released <a href="/b">a second trailer with the full score</a>, to mixed reactions.</li>
            <li>Critics compared <a href="/c">the ending with the one in the book</a> at length.</li></ul>
            <ul><li><a href="/1">Remains of the Day</a></li><li><a href="/2">The Buried Giant</a></li><li><a href="/3">Klara and the Sun</a></li></ul>
            """);

        var texts = review.Texts();
        Assert.Contains("We saw the new adaptation of the novel at the festival.", texts);
        Assert.Contains("Critics compared the ending with the one in the book at length.", texts);
        Assert.DoesNotContain("The Buried Giant", texts);
    }

    [Fact]
    public void Three_lines_in_a_row_that_are_only_links_are_a_link_list_and_one_or_two_are_text()
    {
        var review = Pages.Process(Pages.Article(Pages.ProseParagraphs() + """
            More from this blog:<br><br>
            <a href="/1">Remains of the Day, reviewed</a><br><br>
            <a href="/2">The Buried Giant, reviewed</a><br><br>
            <a href="/3">Klara and the Sun, reviewed</a><br><br>
            <p>Also worth reading: <a href="/4">my notes on the novel</a>.</p>
            <p><a href="/5">The trailer, in full</a></p>
            <p><a href="/6">The director's interview</a></p>
            """));

        var texts = review.Texts();
        Assert.Contains(Pages.Prose[2], texts);
        Assert.DoesNotContain(texts, t => t.Contains("reviewed", StringComparison.Ordinal));
        Assert.Contains("Also worth reading: my notes on the novel.", texts);
        Assert.Contains("The trailer, in full", texts);
        Assert.Contains("The director's interview", texts);
    }
}
