using System.Globalization;
using NeverLetMeGo.Core.Extraction.Metadata;

namespace NeverLetMeGo.Core.Tests;

public sealed class MetadataTests
{
    private static Model.Review WithHead(string head, string top = "") => Pages.Process(Pages.Article(top + Pages.ProseParagraphs(), head));

    [Fact]
    public void Json_ld_graph_gives_headline_author_date_and_publisher()
    {
        var review = WithHead("""
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","@id":"https://reviews.example/#site","name":"Graph Site"},
              {"@type":["Article","BlogPosting"],"headline":"Graph Headline","datePublished":"2012-05-06T07:08:09+02:00",
               "author":{"@id":"https://reviews.example/#/person/1"},"publisher":{"@type":"Organization","name":"Graph Publisher"}},
              {"@type":"Person","@id":"https://reviews.example/#/person/1","name":"Graph Author"}]}</script>
            <meta property="og:title" content="Meta Title">
            """);

        Assert.Equal("Graph Headline", review.Title);
        Assert.Equal("Graph Author", review.Author);
        Assert.Equal(DateTimeOffset.Parse("2012-05-06T07:08:09+02:00", CultureInfo.InvariantCulture), review.PublishedAt);
        Assert.Equal("Graph Publisher", review.SiteName);
    }

    [Fact]
    public void Json_ld_review_names_the_work_and_gives_the_rating()
    {
        var review = WithHead("""
            <script type="application/ld+json">[{"@type":"Review","name":"Never Let Me Go: deeper thoughts",
              "author":[{"@type":"Person","name":"Ann"},"Bob"],"itemReviewed":{"@type":"Movie","name":"Never Let Me Go (2010)"},
              "reviewRating":{"@type":"Rating","ratingValue":"4","bestRating":"5"}}]</script>
            """);

        Assert.Equal("Never Let Me Go", review.Work.Title);
        Assert.Equal("Ann, Bob", review.Author);
        Assert.NotNull(review.Rating);
        Assert.Equal((4.0, 5.0, 80.0), (review.Rating.Value, review.Rating.Scale, review.Rating.Normalized));
        Assert.Contains("4", review.Rating.Raw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<![CDATA[ {0} ]]>")]
    [InlineData("//<![CDATA[\n{0}\n//]]>")]
    [InlineData("/*<![CDATA[*/ {0} /*]]>*/")]
    public void Json_ld_inside_a_cdata_section_is_read(string wrapper)
    {
        var json = """{"@context":"http:\/\/schema.org","@type":"Article","headline":"CDATA Headline","datePublished":"2018-04-05T06:00:00+00:00","author":[{"@type":"Person","name":"Daniel Kahn Gillmor"}]}""";
        var review = WithHead($"""<script type="application/ld+json">{string.Format(CultureInfo.InvariantCulture, wrapper, json)}</script>""");

        Assert.Equal(("CDATA Headline", "Daniel Kahn Gillmor"), (review.Title, review.Author));
        Assert.Equal(new DateTimeOffset(2018, 4, 5, 6, 0, 0, TimeSpan.Zero), review.PublishedAt);
    }

    [Theory]
    [InlineData("""<meta name="byl" content="By Corey Kilgannon">""", "Corey Kilgannon")]
    [InlineData("""<meta name="parsely-author" content="Jane Doe">""", "Jane Doe")]
    [InlineData("""<meta name="DC.Creator" content="Jong, Michiel de">""", "Jong, Michiel de")]
    [InlineData("""<meta name="dcterms.creator" content="Ann Example">""", "Ann Example")]
    public void Publishers_author_conventions_name_the_author(string meta, string author) =>
        Assert.Equal(author, WithHead(meta).Author);

    [Theory]
    [InlineData("New Zealand", "constitutional monarchy in Oceania", "New Zealand - Wikipedia", "New Zealand")]
    // A name that is the site's, at the end of the page's title, never replaces the headline.
    [InlineData("Aktuálně.cz", "West Ham threatens the giants, Souček is easy to overlook", "West Ham threatens the giants, Souček's work is easy to overlook - Aktuálně.cz", "West Ham threatens the giants, Souček is easy to overlook")]
    public void An_articles_name_is_its_title_where_the_page_title_starts_with_it_and_not_the_headline(string name, string headline, string pageTitle, string title)
    {
        var html = Pages.Article(Pages.ProseParagraphs(), $$"""
            <script type="application/ld+json">{"@type":"Article","name":"{{name}}","headline":"{{headline}}"}</script>
            """).Replace("<title>A review | Reel Notes</title>", $"<title>{pageTitle}</title>", StringComparison.Ordinal);

        Assert.Equal(title, Pages.Process(html).Title);
    }

    [Fact]
    public void Parsely_publication_date_is_the_date_where_nothing_else_gives_one() =>
        Assert.Equal(new DateTimeOffset(2024, 4, 20, 4, 20, 0, TimeSpan.Zero), WithHead("""<meta name="parsely-pub-date" content="2024-04-20T04:20:00.000Z">""").PublishedAt);

    [Fact]
    public void Meta_tags_are_used_when_there_is_no_json_ld()
    {
        var review = WithHead("""
            <meta property="og:title" content="Never Let Me Go">
            <meta property="og:site_name" content="Mind Over Myth">
            <meta property="article:published_time" content="2011-01-10T14:15:00+00:00">
            <meta name="author" content="Stacey">
            """);

        Assert.Equal(("Never Let Me Go", "Mind Over Myth", "Stacey"), (review.Title, review.SiteName, review.Author));
        Assert.Equal(new DateTimeOffset(2011, 1, 10, 14, 15, 0, TimeSpan.Zero), review.PublishedAt);
    }

    [Fact]
    public void An_article_author_that_is_a_url_is_not_a_name()
    {
        var review = WithHead("""<meta property="article:author" content="https://facebook.example/someone">""", "<p class=\"byline\">By Jane Doe</p>");

        Assert.Equal("Jane Doe", review.Author);
    }

    // A blog's name in its h1 (linked to the blog, not to "/") and its post's headline are both in the <title>: the
    // longer one the title repeats is the post's.
    [Fact]
    public void Of_the_headlines_the_title_repeats_the_longest_is_the_post()
    {
        var html = Pages.Article("""<h1 class="blogtitle"><a href="https://blog.example/thoughts/">danah boyd | apophenia</a></h1><h2>Participatory Culture: What questions do you have?</h2>""" + Pages.ProseParagraphs())
            .Replace("<title>A review | Reel Notes</title>", "<title>danah boyd | apophenia » Participatory Culture: What questions do you have?</title>", StringComparison.Ordinal);

        Assert.Equal("Participatory Culture: What questions do you have?", Pages.Process(html).Title);
    }

    // TypePad's banner: an h1 linking the blog's name to the blog's address (not "/"), which the <title> ends with. It is
    // the site's name, so the title without it is the post's, over a widget's bare h1 ("VIDEOS") further down; a classed
    // headline (h1.post-headline) still names the post.
    [Theory]
    [InlineData("", "Thinking of stretching your vSphere cluster?")]
    [InlineData("<h1><span>VIDEOS</span></h1>", "Thinking of stretching your vSphere cluster?")]
    [InlineData("<h1 class=\"post-headline\">Watch | Stretching a cluster</h1>", "Watch | Stretching a cluster")]
    public void A_banner_the_title_ends_with_is_the_site_and_the_rest_of_the_title_the_post(string more, string expected)
    {
        var html = Pages.Article($"""<h1 id="banner-header"><a href="https://virtualgeek.example/virtual_geek/">Virtual Geek</a></h1>{more}""" + Pages.ProseParagraphs())
            .Replace("<title>A review | Reel Notes</title>", "<title>Thinking of stretching your vSphere cluster? - Virtual Geek</title>", StringComparison.Ordinal);

        var review = Pages.Process(html);

        Assert.Equal((expected, "Virtual Geek"), (review.Title, review.SiteName));
    }

    [Fact]
    public void A_headings_permalink_mark_is_not_part_of_the_title()
    {
        var html = Pages.Article("""<h1 class="heading">Evolve: Shared Mutable History<a class="headerlink" href="#evolve">¶</a></h1>""" + Pages.ProseParagraphs())
            .Replace("<title>A review | Reel Notes</title>", "<title>Evolve: Shared Mutable History — evolve extension for Mercurial</title>", StringComparison.Ordinal);

        Assert.Equal("Evolve: Shared Mutable History", Pages.Process(html).Title);
    }

    // The BBC's byline holds "byline-name" and "byline-title"; an hCard's fn beside a feed link; a template's placeholder
    // author is no author, and the next source is asked.
    [Theory]
    [InlineData("", "<span class=\"byline\"><span class=\"byline-name\">By Judith  Burns</span><span class=\"byline-title\">Education reporter BBC News</span></span>", "Judith Burns")]
    [InlineData("", "<p class=\"byline\">By <span class=\"author vcard\"><span class=\"fn\"><a href=\"/bloggers/jr/\">Jonathon Ramsey</a></span> <span class=\"author-feed\"><a href=\"/bloggers/jr/rss.xml\">RSS feed</a></span></span></p>", "Jonathon Ramsey")]
    [InlineData("<meta name=\"author\" content=\"author\">", "<p class=\"byline\">By Electronista Staff</p>", "Electronista Staff")]
    [InlineData("<meta name=\"author\" content=\"admin\">", "", null)]
    public void A_bylines_name_element_gives_the_name_and_a_placeholder_is_no_author(string head, string byline, string? expected)
    {
        Assert.Equal(expected, WithHead(head, byline).Author);
    }

    // The Wall Street Journal's "dateStamp", Zillow's "the-date", a Poynter "meta-date": the post's date under other
    // names than DateNames'. A comment's date ("comment_date") is not the post's.
    [Theory]
    [InlineData("dateStamp", "Updated October 26, 2012, 11:29 a.m. ET", "2012-10-26")]
    [InlineData("the-date", "Date: November 2, 2012", "2012-11-02")]
    [InlineData("meta_date", "October 29, 2012", "2012-10-29")]
    [InlineData("post-time", "Nov 7, 2012", "2012-11-07")]
    [InlineData("comment_date", "Nov 7, 2012", null)]
    public void A_dated_element_under_a_posts_date_name_dates_the_post(string className, string text, string? expected)
    {
        var review = WithHead(string.Empty, $"<div class=\"{className}\">{text}</div>");

        Assert.Equal(expected, review.PublishedAt?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_site_name_given_as_an_address_is_its_host()
    {
        Assert.Equal("ibnlive.in.com", WithHead("""<meta property="og:site_name" content="http://ibnlive.in.com/">""").SiteName);
        Assert.Equal("tmz.com", WithHead("""<meta property="og:site_name" content="http://www.tmz.com">""").SiteName);
    }

    // A line in no dated element that says when the post went up dates it, after every dated element and byline.
    [Theory]
    [InlineData("<div class=\"entry-meta\">Posted on September 18, 2012 at 3:48 am as <a href=\"/c\">News</a></div>", "2012-09-18")]
    [InlineData("<div class=\"info\">Published Tuesday, November 06, 2012 12:21 PM by <a href=\"/a\">Ann</a></div>", "2012-11-06")]
    [InlineData("<p>Posted in Reviews, Drama</p>", null)]
    [InlineData("<span class=\"date\">October 1, 2012</span><p>Posted on September 18, 2012</p>", "2012-10-01")]
    public void A_posted_on_line_dates_the_post_when_nothing_else_does(string meta, string? expected)
    {
        Assert.Equal(expected, WithHead(string.Empty, meta).PublishedAt?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    // Blogger puts its posts in a widget like its sidebar's; read as a sidebar, the post lost its date header, its title
    // and its "Posted by" line, and the title kept the blog's name.
    [Fact]
    public void A_blogger_post_gives_its_title_author_and_date()
    {
        var html = $$"""
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Reel Notes: Never Let Me Go, quietly devastating</title></head><body>
            <div class="sidebar section" id="sidebar"><div class="widget HTML" id="HTML1"><h2>About me</h2><p>I write about films.</p></div></div>
            <div class="main section" id="main"><div class="widget Blog" id="Blog1"><div class="blog-posts hfeed">
            <div class="date-outer"><h2 class="date-header"><span>Tuesday, November 06, 2012</span></h2>
            <div class="post-outer"><div class="post hentry">
            <h3 class="post-title entry-title">Never Let Me Go, quietly devastating</h3>
            <div class="post-body entry-content">{{Pages.ProseParagraphs()}}</div>
            <div class="post-footer"><span class="post-author vcard">Posted by <span class="fn"><a href="https://www.blogger.example/profile/1" rel="author">Mira K.</a></span></span>
            <span class="post-timestamp">at <a class="timestamp-link" href="/2012/11/never-let-me-go.html"><abbr class="published" title="2012-11-06T05:00:00-08:00">5:00 AM</abbr></a></span></div>
            </div></div></div></div></div></div></body></html>
            """;

        var review = Pages.Process(html);

        Assert.Equal(("Never Let Me Go, quietly devastating", "Mira K."), (review.Title, review.Author));
        Assert.Equal(new DateTimeOffset(2012, 11, 6, 5, 0, 0, TimeSpan.FromHours(-8)), review.PublishedAt);
    }

    // The same page as a film blog writes it: before, the review was filed under the blog's name ("Reel Notes") as its
    // work, since the title kept the blog's name and the post's own title was never seen.
    [Fact]
    public void A_blogger_film_review_is_filed_under_its_film()
    {
        var html = $$"""
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Reel Notes: Never Let Me Go (2010)</title></head><body>
            <div class="main section" id="main"><div class="widget Blog" id="Blog1"><div class="blog-posts hfeed">
            <div class="post hentry"><h3 class="post-title entry-title">Never Let Me Go (2010)</h3>
            <div class="post-body entry-content">{{Pages.ProseParagraphs()}}</div></div></div></div></div></body></html>
            """;

        var review = Pages.Process(html);

        Assert.Equal(("Never Let Me Go (2010)", "Never Let Me Go"), (review.Title, review.Work.Title));
    }

    // Blogger's footer when the author's name links nowhere: the author element is its own byline, in plain text; and
    // the "Posted by … at …" line older templates (Movable Type, old Blogger) print under a post in any element. A bare
    // "By" starting prose is no byline.
    [Theory]
    [InlineData("<span class='post-author'> Posted by tofu </span>", "tofu")]
    [InlineData("<span class='post-author'>Posted by Ross Tucker and Jonathan Dugas</span>", "Ross Tucker and Jonathan Dugas")]
    [InlineData("<div class='author'>About the author: a critic who has written about film for twenty years.</div>", null)]
    [InlineData("<p class=\"posted\">Posted by laurie at September 10, 2012 9:01 AM</p>", "laurie")]
    [InlineData("<i>Posted by Michael Shedlock at 12:32 PM</i>", "Michael Shedlock")]
    [InlineData("<p>By the end, the film had earned every one of its quiet minutes.</p>", null)]
    public void An_author_element_that_says_by_in_plain_text_is_a_byline(string footer, string? expected)
    {
        Assert.Equal(expected, Pages.Process(Pages.Article(Pages.ProseParagraphs() + footer)).Author);
    }

    // Yahoo's byline is the author's linked name and, beside it, the role; Movable Type's is "by <a>Byron</a>" and the
    // date. The one link to the author's page is the name; a byline whose name is not that link's start keeps its text.
    [Theory]
    [InlineData("<div class=\"author\"><a class=\"author-link\" href=\"/author/ben-silverman\">Ben Silverman</a><div class=\"author-title\">Games Editor</div></div>", "Ben Silverman")]
    [InlineData("<div class=\"byline\">by <span class=\"vcard author\"><a href=\"/people/profile/byron/\">Byron</a></span> <span>November 4, 2012</span></div>", "Byron")]
    [InlineData("<div class=\"byline\">By <a href=\"/author/jane\">Jane</a> Doe</div>", "Jane Doe")]
    [InlineData("<div class=\"byline\">By Ann Lee and <a href=\"/author/ben\">Ben Ray</a></div>", "Ann Lee and Ben Ray")]
    public void One_link_to_the_authors_page_names_the_author_of_a_byline_that_goes_on(string byline, string expected)
    {
        var review = WithHead(string.Empty, byline);

        Assert.Equal(expected, review.Author);
    }

    [Fact]
    public void Visible_markup_gives_title_author_and_date_when_the_head_is_silent()
    {
        var html = Pages.Article("""
            <h1 class="entry-title">Visible Headline</h1>
            <div class="entry-meta"><span class="byline">by <span class="author vcard"><a class="url fn n" href="/a">Mira K.</a></span></span>
            <time class="entry-date published" datetime="2013-07-22T13:00:47+00:00">July 22, 2013</time></div>
            """ + Pages.ProseParagraphs()).Replace("<title>A review | Reel Notes</title>", "<title></title>", StringComparison.Ordinal);

        var review = Pages.Process(html);

        Assert.Equal(("Visible Headline", "Mira K."), (review.Title, review.Author));
        Assert.Equal(new DateTimeOffset(2013, 7, 22, 13, 0, 47, TimeSpan.Zero), review.PublishedAt);
        Assert.Equal("reviews.example", review.SiteName);
    }

    // WebMD's pages put the section's name in the h1 ("Allergies Health Center") and the article's headline, which the
    // <title> repeats, in an h2. The page's own title confirms the h2; a shorter h2 that is only the title's site part is
    // the site's name, not the post's headline.
    [Theory]
    [InlineData("Babies Who Eat Peanuts Early May Avoid Allergy", "Babies Who Eat Peanuts Early May Avoid Allergy", "Babies Who Eat Peanuts Early May Avoid Allergy")]
    [InlineData("Babies Who Eat Peanuts Early May Avoid Allergy | Health News", "Babies Who Eat Peanuts Early May Avoid Allergy", "Babies Who Eat Peanuts Early May Avoid Allergy")]
    [InlineData("Quotation of the Day « Healthcare Economist", "Healthcare Economist", "Allergies Health Center")]
    [InlineData("Babies Who Eat Peanuts Early May Avoid Allergy", "Babies Who Eat Peanuts", "Allergies Health Center")]
    public void An_h2_the_title_repeats_whole_is_the_headline_over_a_section_h1(string documentTitle, string h2, string expected)
    {
        var html = Pages.Article($"<h1>Allergies Health Center</h1><h2>{h2}</h2>" + Pages.ProseParagraphs())
            .Replace("<title>A review | Reel Notes</title>", $"<title>{documentTitle}</title>", StringComparison.Ordinal);

        Assert.Equal(expected, Pages.Process(html).Title);
    }

    [Theory]
    [InlineData("Never Let Me Go | Mind Over Myth", "Mind Over Myth", "Never Let Me Go")]
    [InlineData("Never Let Me Go - Mind Over Myth", "Mind Over Myth", "Never Let Me Go")]
    [InlineData("Never Let Me Go \u2013 Mind Over Myth", "mind over myth", "Never Let Me Go")]
    [InlineData("Mind Over Myth | Never Let Me Go", "Mind Over Myth", "Never Let Me Go")]
    [InlineData("A review of Never Let Me Go (2010) by ruth_g \u2022 Mind Over Myth", "Mind Over Myth", "A review of Never Let Me Go (2010) by ruth_g")]
    [InlineData("Never Let Me Go | Other Site", "Mind Over Myth", "Never Let Me Go | Other Site")]
    [InlineData("Spider-Man - Review", "Mind Over Myth", "Spider-Man - Review")]
    public void A_site_name_suffix_is_stripped_only_when_it_names_the_site(string title, string site, string expected)
    {
        Assert.Equal(expected, MetadataResolver.StripSiteName(title, site));
    }

    [Theory]
    [InlineData("Hannah Lindqvist's review of Gone Girl", "Hannah Lindqvist")]
    [InlineData("Fight Club (1999) - Review by Gary Whitcombe - Gary's Movie Page", "Gary Whitcombe")]
    [InlineData("Moon (2009) review by jonah_pell", "jonah_pell")]
    [InlineData("Stand by Me review by the numbers", null)]
    [InlineData("A review of Stand by Me", null)]
    [InlineData("Why the review by committee model fails", null)]
    public void A_title_that_names_the_reviewer_gives_the_author(string title, string? expected)
    {
        Assert.Equal(expected, MetadataResolver.TitledReviewer(title));
    }

    [Theory]
    [InlineData("Moon: small film, big ideas \u2014 Orbit Reviews", "https://orbitreviews.example/moon", "Orbit Reviews")]
    [InlineData("Parasite review | The Daily-Courier", "https://www.thedailycourier.example/film/parasite", "The Daily-Courier")]
    // A last part that does not spell the address is the title's own ("… - Part Two"), and the host stands in.
    [InlineData("Dune - Part Two", "https://orbitreviews.example/dune", "orbitreviews.example")]
    public void Without_a_declared_site_name_the_title_s_last_part_that_spells_the_host_names_the_site(string title, string url, string expected)
    {
        var review = ReviewPipeline.Process($"<html><head><title>{title}</title></head><body><article>{Pages.ProseParagraphs()}</article></body></html>", new Uri(url));

        Assert.Equal(expected, review.SiteName);
    }

    [Theory]
    [InlineData(null, "Meaning and Themes in the Movie \"Never Let Me Go\"", "Never Let Me Go")]
    [InlineData(null, "Meaning in the Movie \u201CNever Let Me Go\u201D", "Never Let Me Go")]
    [InlineData(null, "Never Let Me Go: deeper thoughts on a heartbreaking story", "Never Let Me Go")]
    [InlineData(null, "Never Let Me Go \u2013 a quiet heartbreak", "Never Let Me Go")]
    [InlineData(null, "Never Let Me Go", "Never Let Me Go")]
    [InlineData(null, "Review: Never Let Me Go", "Never Let Me Go")]
    [InlineData(null, "Critique : Portrait de la jeune fille en feu", "Portrait de la jeune fille en feu")]
    [InlineData(null, "Reseña: Roma", "Roma")]
    [InlineData(null, "Movie review: Never Let Me Go (2010)", "Never Let Me Go")]
    [InlineData(null, "Never Let Me Go review", "Never Let Me Go")]
    [InlineData(null, "Great ending, awful middle - User review of The Lighthouse Keeper (2019)", "The Lighthouse Keeper")]
    [InlineData(null, "Great ending, awful middle | User reviews of The Lighthouse Keeper", "The Lighthouse Keeper")]
    [InlineData(null, "A review of The Lighthouse Keeper (2019) by moviebuff_77", "The Lighthouse Keeper")]
    [InlineData(null, "Review of The Lighthouse Keeper by someone", "The Lighthouse Keeper")]
    [InlineData(null, "Review of The Lighthouse Keeper by Ada Lind", "The Lighthouse Keeper")]
    [InlineData(null, "Review of Stand by Me", "Stand by Me")]
    [InlineData(null, "Moon (2009) review by Jonah Pell", "Moon")]
    [InlineData(null, "Thoughts on Carol", "Carol")]
    [InlineData(null, "Some thoughts on Carol: a love story in gloves", "Carol")]
    [InlineData(null, "Remembering Howards End", "Howards End")]
    [InlineData(null, "The Sixth Sense at 25: still the best twist in the business", "The Sixth Sense")]
    [InlineData(null, "Gone Girl, ten years on", "Gone Girl")]
    [InlineData(null, "On Chesil Beach", "On Chesil Beach")]
    [InlineData(null, "28 Years Later", "28 Years Later")]
    [InlineData(null, "Revisiting", "Revisiting")]
    [InlineData(null, "Novelist Ada Lind dies at 60", "Novelist Ada Lind dies at 60")]
    [InlineData(null, "Book review: Rebecca by Daphne du Maurier", "Rebecca")]
    [InlineData(null, "Book review: The Left Hand of Darkness by Ursula K. Le Guin", "The Left Hand of Darkness")]
    [InlineData(null, "Stand by Me review by reel_nerd", "Stand by Me")]
    [InlineData(null, "The Lighthouse Keeper – a review by Ada Lind", "The Lighthouse Keeper")]
    [InlineData(null, "The Lighthouse Keeper (2019) - User Reviews", "The Lighthouse Keeper")]
    [InlineData(null, "The Lighthouse Keeper movie review: a keeper worth keeping", "The Lighthouse Keeper")]
    [InlineData(null, "The Lighthouse Keeper review \u2013 a quiet triumph", "The Lighthouse Keeper")]
    [InlineData(null, "Preview of the autumn season: ten films to watch", "Preview of the autumn season")]
    [InlineData(null, "Book review: The Remains of the Day by Kazuo Ishiguro", "The Remains of the Day")]
    [InlineData(null, "Klara and the Sun by Kazuo Ishiguro review \u2013 a quiet fable", "Klara and the Sun")]
    [InlineData(null, "Critique : Portrait de la jeune fille en feu, de C\u00E9line Sciamma", "Portrait de la jeune fille en feu")]
    [InlineData(null, "Critique : Le Comte de Monte Cristo", "Le Comte de Monte Cristo")]
    [InlineData(null, "Review: Stand by Me", "Stand by Me")]
    [InlineData(null, "Death by Chocolate Cake \u2013 a baking diary", "Death by Chocolate Cake")]
    [InlineData("Never Let Me Go", "My thoughts on a film I loved", "Never Let Me Go")]
    [InlineData(null, "[Spoilers] Official Discussion - Oppenheimer : r/movies", "Oppenheimer")]
    [InlineData(null, "Post-Movie Discussion Thread: Dune: Part Two", "Dune")]
    [InlineData(null, "[Discussion] Never Let Me Go (2010)", "Never Let Me Go")]
    [InlineData(null, "(500) Days of Summer review", "(500) Days of Summer")]
    [InlineData(null, "Review: 'Past Lives' is a quiet heartbreaker", "Past Lives")]
    [InlineData(null, "\u2018Atonement\u2019 review: a lush, wounded romance", "Atonement")]
    [InlineData(null, "'Don't Look Up' review: a comet and a shrug", "Don't Look Up")]
    [InlineData(null, "Fred Willard on 'Lewd Conduct' Charge", "Fred Willard on 'Lewd Conduct' Charge")]
    [InlineData(null, "Rese\u00f1a: 'Roma' de Alfonso Cuar\u00f3n", "Roma")]
    [InlineData(null, "Film review: The Zone of Interest (12A)", "The Zone of Interest")]
    [InlineData(null, "The Holdovers [Review]", "The Holdovers")]
    [InlineData(null, "Barbie movie review & film summary (2023) | Roger Ebert", "Barbie")]
    [InlineData(null, "Catch-22 (15)", "Catch-22")]
    [InlineData(null, "Recensione: 'La chimera' di Alice Rohrwacher", "La chimera")]
    [InlineData(null, "Cr\u00edtica de 'Ainda Estou Aqui': Fernanda Torres brilha", "Ainda Estou Aqui")]
    [InlineData(null, "Schindler's List at 30: Spielberg's masterpiece", "Schindler's List")]
    [InlineData(null, "The Last of Us season 1, episode 3 recap: Long, Long Time", "The Last of Us")]
    [InlineData(null, "Severance S02E05 review - Trojan's Horse", "Severance")]
    [InlineData(null, "Succession season finale recap", "Succession")]
    [InlineData(null, "Seasons of Love", "Seasons of Love")]
    [InlineData(null, "Film / Never Let Me Go", "Never Let Me Go")]
    [InlineData(null, "Literature / The Remains of the Day", "The Remains of the Day")]
    [InlineData(null, "Either/Or review", "Either/Or")]
    [InlineData(null, "Official Secrets review: Keira Knightley blows the whistle", "Official Secrets")]
    [InlineData(null, null, null)]
    public void The_work_comes_from_item_reviewed_quotes_or_the_headline(string? itemReviewed, string? headline, string? expected)
    {
        Assert.Equal(expected, WorkTitle.From(itemReviewed, headline));
    }

    [Theory]
    [InlineData("file:///samples/page.html", "https://blog.example/2010/09/post.html", "https://blog.example/2010/09/post.html")]
    [InlineData("https://blog.example/2010/09/post.html?utm=x", "https://blog.example/2010/09/post.html", "https://blog.example/2010/09/post.html")]
    [InlineData("https://blog.example/post.html", "https://other.example/stolen.html", "https://blog.example/post.html")]
    [InlineData("https://blog.example/post.html#comments", "/relative/canonical.html", "https://blog.example/post.html")]
    [InlineData("https://blog.example/post.html", "https://blog.example/post.html#top", "https://blog.example/post.html")]
    [InlineData("https://blog.example/post.html", null, "https://blog.example/post.html")]
    // A canonical link that repeats the feed's tracking parameters (Dragnet's bigthink.com pages) names the same page.
    [InlineData("https://blog.example/post.html?utm_source=feedburner", "https://blog.example/post.html?utm_source=feedburner&utm_medium=feed&p=2", "https://blog.example/post.html?p=2")]
    [InlineData("https://Blog.Example:443/post.html?fbclid=x", null, "https://blog.example/post.html")]
    public void The_review_url_prefers_a_trustworthy_canonical_and_never_keeps_a_fragment(string fetched, string? canonical, string expected)
    {
        Assert.Equal(expected, MetadataResolver.ChooseUrl(new Uri(fetched), canonical));
    }

    [Fact]
    public void A_canonical_link_that_no_url_can_be_built_from_leaves_the_fetch_url()
    {
        var html = Pages.Article(Pages.ProseParagraphs(), head: "<link rel=\"canonical\" href=\"https://:443@reviews.example/x\">");

        Assert.Equal("https://reviews.example/thread?t=7", ReviewPipeline.Extract(html, new Uri("https://reviews.example/thread?t=7")).WithoutTagging().Url);
    }

    // An href is HTML: "&amp;" in a query string is "&" (og:url was decoded, the canonical link was not, so a forum
    // thread's "?t=7&amp;page=2" became the review's URL as written and never matched the page it was fetched from).
    [Theory]
    [InlineData("https://reviews.example/thread?t=7&amp;page=2", "https://reviews.example/thread?t=7&page=2")]
    [InlineData("https://reviews.example/caf&eacute;-review", "https://reviews.example/caf%C3%A9-review")]
    public void The_canonical_link_is_read_as_html_decodes_it(string href, string expected)
    {
        var html = Pages.Article(Pages.ProseParagraphs(), head: $"<link rel=\"canonical\" href=\"{href}\">");

        Assert.Equal(expected, ReviewPipeline.Extract(html, new Uri("https://reviews.example/thread?t=7")).WithoutTagging().Url);
    }

    [Theory]
    [InlineData("2011-01-10T10:02:44-05:00", "2011-01-10T10:02:44-05:00")]
    [InlineData("2011-01-10", "2011-01-10T00:00:00+00:00")]
    [InlineData("January 5, 2011 at 3:15 pm", "2011-01-05T15:15:00+00:00")]
    [InlineData("Monday, September 20, 2010", "2010-09-20T00:00:00+00:00")]
    [InlineData("5th January 2011, 12:30 am", "2011-01-05T00:30:00+00:00")]
    [InlineData("Sept. 3, 2012 @ 9:05 PM", "2012-09-03T21:05:00+00:00")]
    [InlineData("1/5/2011 3:15 PM", "2011-01-05T15:15:00+00:00")]
    public void Dates_are_read_from_attributes_and_from_blog_prose(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), DateParser.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("3 years ago")]
    [InlineData("February 30, 2011")]
    [InlineData("Updated recently")]
    public void Unreadable_dates_are_null(string text)
    {
        Assert.Null(DateParser.Parse(text));
    }

    [Theory]
    [InlineData("By John C.", "John C.")]
    [InlineData("by Stacey.", "Stacey")]
    [InlineData("Posted by Leah Whitford on March 8, 2011", "Leah Whitford")]
    [InlineData("Leah Whitford", "Leah Whitford")]
    [InlineData("Posted on January 10, 2011", null)]
    [InlineData("moviebuff_77", "moviebuff_77")]
    [InlineData("Reviewed by reel.nerd-2 on 12 March 2021", "reel.nerd-2")]
    [InlineData("by Ada Lind \u00B7 3 days ago", "Ada Lind")]
    [InlineData("12 March 2021", null)]
    [InlineData("By Sarah Moore \u2022 Nov 6, 2012", "Sarah Moore")]
    [InlineData("By Mat Smith posted Nov 13th, 2012 at 12:58 PM", "Mat Smith")]
    [InlineData("Posted by Danny Choo [www]", "Danny Choo")]
    public void Bylines_yield_the_name_alone(string text, string? expected)
    {
        Assert.Equal(expected, MetadataResolver.NameFromByline(text));
    }

    [Fact]
    public void Rel_author_names_the_author_when_nothing_else_does()
    {
        var review = WithHead("", "<p class=\"meta\">Posted in Film by <a rel=\"author\" href=\"/author/ruth\">Ruth Gale</a></p>");

        Assert.Equal("Ruth Gale", review.Author);
    }

    [Fact]
    public void Meta_author_beats_a_visible_byline()
    {
        var review = WithHead("<meta name=\"author\" content=\"Tommy D.\">", "<p class=\"byline\">By Somebody Else</p>");

        Assert.Equal("Tommy D.", review.Author);
    }

    [Fact]
    public void A_time_element_alone_gives_the_published_time()
    {
        var review = WithHead("", "<p><time datetime=\"2010-09-15T08:30:00-04:00\">September 15, 2010</time></p>");

        Assert.Equal(new DateTimeOffset(2010, 9, 15, 8, 30, 0, TimeSpan.FromHours(-4)), review.PublishedAt);
    }

    [Fact]
    public void Article_published_time_and_og_site_name_come_from_meta_tags()
    {
        var review = WithHead("<meta property=\"article:published_time\" content=\"2011-02-03T04:05:06Z\"><meta property=\"og:site_name\" content=\"Reel Notes\">");

        Assert.Equal(new DateTimeOffset(2011, 2, 3, 4, 5, 6, TimeSpan.Zero), review.PublishedAt);
        Assert.Equal("Reel Notes", review.SiteName);
    }

    [Theory]
    [InlineData("""<html lang="en-gb"><head>""", "en-GB")]
    [InlineData("""<html xml:lang="fr"><head>""", "fr")]
    [InlineData("""<html><head><meta http-equiv="Content-Language" content="de-DE, en">""", "de-DE")]
    [InlineData("""<html><head><meta property="og:locale" content="pt_BR">""", "pt-BR")]
    [InlineData("""<html lang="zh-hant-tw"><head>""", "zh-Hant-TW")]
    [InlineData("""<html lang="english please"><head>""", null)]
    [InlineData("""<html><head>""", null)]
    public void The_language_comes_from_the_root_element_or_the_head(string opening, string? expected)
    {
        var html = Pages.Article(Pages.ProseParagraphs()).Replace("<html><head>", opening, StringComparison.Ordinal);

        Assert.Equal(expected, Pages.Process(html).Language);
    }

    [Fact]
    public void Json_ld_in_language_beats_the_root_element()
    {
        var html = Pages.Article(Pages.ProseParagraphs(), """
            <script type="application/ld+json">{"@type":"BlogPosting","headline":"H","inLanguage":"en-US"}</script>
            """).Replace("<html>", """<html lang="fr">""", StringComparison.Ordinal);

        Assert.Equal("en-US", Pages.Process(html).Language);
    }
}
