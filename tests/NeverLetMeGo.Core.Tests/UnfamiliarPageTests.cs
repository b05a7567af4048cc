namespace NeverLetMeGo.Core.Tests;

/// <summary>Review pages in shapes the extractor was not tuned on, read whole through the pipeline.</summary>
public sealed class UnfamiliarPageTests
{
    private static readonly Uri Url = new("https://example.com/r");

    private static string AmpPage(string between) => $$"""
        <!doctype html>
        <html amp lang="en"><head><meta charset="utf-8"><title>Get Out review: a horror film with teeth - ScreenBeat</title></head>
        <body>
        <header class="amp-header"><a href="/">ScreenBeat</a></header>
        <article>
        <h1>Get Out review: a horror film with teeth</h1>
        <p>Chris is nervous about meeting his girlfriend's parents, and not only because it is the first time. Jordan Peele takes that ordinary dread and tightens it, scene by scene, into a sharp horror film.</p>
        {{between}}
        <p>Daniel Kaluuya is superb as Chris, a photographer who has learned to smile through the small insults that pile up over one long weekend at a country house.</p>
        <p>It is a genre film with something to say, and it says it without ever stopping the story to lecture anyone in the audience.</p>
        </article>
        </body></html>
        """;

    [Fact]
    public void The_label_an_ad_slot_leaves_behind_is_not_review_text()
    {
        var review = ReviewPipeline.Process(AmpPage("""<amp-ad width="300" height="250" type="doubleclick"><div placeholder>Advertisement</div></amp-ad>"""), Url);

        Assert.DoesNotContain(review.Blocks, b => b.Text.Contains("Advertisement", StringComparison.Ordinal));
        Assert.Equal(3, review.Blocks.Count);
    }

    [Fact]
    public void A_sentence_that_mentions_an_advertisement_stays()
    {
        const string Sentence = "The first advertisement for the film gave away nothing, which was wise.";
        var review = ReviewPipeline.Process(AmpPage($"<p>{Sentence}</p>"), Url);

        Assert.Contains(review.Blocks, b => b.Text == Sentence);
    }

    [Fact]
    public void A_book_review_headline_names_the_book_without_its_author()
    {
        var review = ReviewPipeline.Process("""
            <html><head><title>Book review: The Remains of the Day by Kazuo Ishiguro</title></head><body>
            <h1>Book review: The Remains of the Day by Kazuo Ishiguro</h1>
            <div class="story-part"><p>Stevens has served Darlington Hall for more than thirty years, and in the summer of 1956 he takes a short motoring holiday to the West Country, remembering the years before the war.</p>
            <p>Ishiguro gives Stevens one of the great unreliable voices in English fiction: formal, fussy and endlessly polite, and the comedy comes from how much he refuses to say.</p></div>
            </body></html>
            """, Url);

        Assert.Equal("The Remains of the Day", review.Work.Title);
    }

    private static string FrenchPage(string header, string aside = "") => $$"""
        <html lang="fr"><head><title>Critique : Portrait de la jeune fille en feu, de Céline Sciamma</title></head><body>
        {{aside}}
        <div class="article-principal">
        <h1>Critique : Portrait de la jeune fille en feu, de Céline Sciamma</h1>
        {{header}}
        <div class="texte">
        <p>En 1770, Marianne, peintre, débarque sur une île bretonne pour réaliser le portrait de mariage d'Héloïse, une jeune femme qui refuse de poser pour qui que ce soit.</p>
        <p>Noémie Merlant et Adèle Haenel sont extraordinaires. Le film repose presque entièrement sur leurs regards, et chaque plan a la lumière d'un tableau.</p>
        </div></div>
        </body></html>
        """;

    [Theory]
    [InlineData("""<p class="note">Note : 4,5/5</p>""")]
    // The label is the first text, after an icon that holds none, inside an inline element.
    [InlineData("""<p><img src="/star.png" alt=""> <b>Note :</b> 4,5/5</p>""")]
    public void A_labelled_rating_line_in_the_review_header_is_the_review_s_rating(string header)
    {
        var review = ReviewPipeline.Process(FrenchPage(header), Url);

        Assert.Equal(90, review.Rating?.Normalized);
        Assert.Equal("Portrait de la jeune fille en feu", review.Work.Title);
    }

    [Fact]
    public void A_labelled_rating_in_a_sidebar_is_another_film_s()
    {
        var review = ReviewPipeline.Process(FrenchPage("", aside: """<aside><h3>Tomboy</h3><p>Note : 3/5</p></aside>"""), Url);

        Assert.Null(review.Rating);
    }

    [Fact]
    public void A_book_site_that_prints_no_byline_names_the_reviewer_in_its_title()
    {
        var review = ReviewPipeline.Process("""
            <html><head><title>Hannah Lindqvist's review of Gone Girl | ShelfTalk</title></head><body>
            <div class="reviewHeader"><a class="bookTitle" href="/book/1">Gone Girl</a> by <a href="/author/2">Gillian Flynn</a></div>
            <div class="reviewText">I put off reading Gone Girl for years because I thought I already knew what it was, the airport thriller everyone was reading in 2012.<br><br>
            Flynn writes with real venom, and the alternating chapters of husband and wife are a pleasure to be trapped between, right to the end.</div>
            </body></html>
            """, Url);

        Assert.Equal("Hannah Lindqvist", review.Author);
    }

    [Fact]
    public void A_newspaper_byline_named_the_BEM_way_gives_the_author()
    {
        var review = ReviewPipeline.Process("""
            <html><head><title>Parasite review – a ferocious triumph | The Daily Courier</title></head><body>
            <div class="content__head"><h1 class="content__headline">Parasite review – a ferocious triumph</h1>
            <p class="content__byline">Peter Hallam</p></div>
            <div class="content__article-body">
            <p>There is a moment early in Parasite when the Kim family, folding pizza boxes in their semi-basement flat, open the window to let the fumigation smoke drift in because it is free.</p>
            <p>For its first hour the film plays as a con-artist comedy of exquisite timing, and the cast, led by a magnificent Song Kang-ho, never push for laughs.</p>
            </div></body></html>
            """, Url);

        Assert.Equal("Peter Hallam", review.Author);
    }
}
