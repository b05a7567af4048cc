using NeverLetMeGo.Core.Extraction;

namespace NeverLetMeGo.Core.Tests;

public sealed class ForeignCommentTests
{
    private static readonly Uri Url = new("https://example.com/r");

    private const string FrenchPage = """
        <html lang="fr"><head><title>Critique : Le Comte de Monte-Cristo</title></head><body>
        <div class="contenu"><article class="post">
          <h1 class="entry-title">Critique : Le Comte de Monte-Cristo</h1>
          <div class="entry-content">
            <p>Le roman d'Alexandre Dumas reste une machine à suspense d'une efficacité rare, et cette nouvelle édition le rappelle à chaque chapitre.</p>
            <p>Edmond Dantès, marin promis à un bel avenir, est trahi par ceux qu'il croyait ses amis et jeté au château d'If sans jugement.</p>
            <p>La longue captivité, l'abbé Faria et l'évasion forment le cœur du livre, que Dumas raconte avec un sens du rythme étonnant.</p>
            <p>On referme l'ouvrage épuisé mais ravi, avec l'envie de relire les grands chapitres de la vengeance une deuxième fois.</p>
          </div>
        </article>
        <section id="commentaires" class="commentaires">
          <h3>2 commentaires</h3>
          <ol class="liste-des-commentaires">
            <li id="commentaire-41" class="commentaire">
              <div class="auteur-commentaire">Camille</div><span class="date-commentaire">14 mars 2022 à 19h45</span>
              <div class="texte-commentaire"><p>Merci pour cette critique, elle donne envie de relire Dumas.</p></div>
            </li>
            <li id="commentaire-42" class="commentaire">
              <div class="auteur-commentaire">Julien</div><span class="date-commentaire">15 mars 2022</span>
              <div class="texte-commentaire"><p>Je préfère la version abrégée, mais l'analyse est juste.</p></div>
            </li>
          </ol>
        </section></div></body></html>
        """;

    private const string GermanPage = """
        <html lang="de"><head><title>Rezension: Der Vorleser</title></head><body>
        <main><article class="post">
          <h1 class="entry-title">Rezension: Der Vorleser</h1>
          <div class="entry-content">
            <p>Bernhard Schlinks Roman erzählt von einer Liebe, die erst im Gerichtssaal ihre ganze Last zeigt, und tut das mit großer Ruhe.</p>
            <p>Michael Berg ist fünfzehn, als er Hanna begegnet, und die Wochen mit ihr prägen sein ganzes späteres Leben als Jurist.</p>
            <p>Die Sprache bleibt nüchtern und genau, gerade darum treffen die Fragen nach Schuld und Verstehen den Leser so hart.</p>
            <p>Ein schmales Buch, das lange nachwirkt und sich für Lesekreise ebenso eignet wie für einen stillen Abend allein.</p>
          </div>
          <p class="kommentarfunktion-deaktiviert">Die Kommentarfunktion für ältere Beiträge ist deaktiviert.</p>
        </article>
        <div class="kommentare">
          <div id="kommentar-7" class="kommentar">
            <span class="kommentar-autor">Lena</span> <span class="kommentar-datum">14. März 2022</span>
            <div class="kommentar-text"><p>Danke für die Besprechung, das Buch liegt schon bereit.</p></div>
          </div>
          <div id="kommentar-8" class="kommentar">
            <span class="kommentar-autor">Jonas</span> <span class="kommentar-datum">15.03.2022, 08:10</span>
            <div class="kommentar-text"><p>Die Verfilmung fand ich schwächer als den Roman.</p></div>
          </div>
        </div></main></body></html>
        """;

    [Fact]
    public void A_french_thread_yields_its_comments_with_authors_dates_and_text_and_leaves_the_article()
    {
        var review = ReviewPipeline.Process(FrenchPage, Url);

        Assert.Equal(["Camille", "Julien"], review.Comments.Select(c => c.Author));
        Assert.Equal(new DateTimeOffset(2022, 3, 14, 19, 45, 0, TimeSpan.Zero), review.Comments[0].PublishedAt);
        Assert.Equal("Merci pour cette critique, elle donne envie de relire Dumas.", Assert.Single(review.Comments[0].Blocks).Text);
        var article = string.Join("\n", review.Texts());
        Assert.Contains("Edmond Dantès", article, StringComparison.Ordinal);
        Assert.DoesNotContain("Merci", article, StringComparison.Ordinal);
        Assert.DoesNotContain("Camille", article, StringComparison.Ordinal);
    }

    [Fact]
    public void A_german_thread_yields_its_comments_and_a_closed_comments_notice_is_neither_comment_nor_article()
    {
        var review = ReviewPipeline.Process(GermanPage, Url);

        Assert.Equal(["Lena", "Jonas"], review.Comments.Select(c => c.Author));
        Assert.Equal(new DateTimeOffset(2022, 3, 15, 8, 10, 0, TimeSpan.Zero), review.Comments[1].PublishedAt);
        Assert.Equal("Die Verfilmung fand ich schwächer als den Roman.", Assert.Single(review.Comments[1].Blocks).Text);
        var all = string.Join("\n", review.Texts().Concat(review.Comments.SelectMany(c => c.Blocks).Select(b => b.Text)));
        Assert.Contains("Michael Berg", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Danke", string.Join("\n", review.Texts()), StringComparison.Ordinal);
        Assert.DoesNotContain("deaktiviert", all, StringComparison.Ordinal);
    }

    // A French blog printing its comments as plain siblings of a heading, inside the post's own container.
    private static string FrenchHeadedPage(string heading) => $$"""
        <html lang="fr"><head><title>Critique : Les Misérables</title></head><body>
        <div id="main"><div class="post">
          <h1>Critique : Les Misérables</h1>
          <p>Ladj Ly filme Montfermeil avec une énergie rare, et chaque scène de rue semble prise sur le vif, sans décor ni fard.</p>
          <p>Les trois policiers de la brigade anticriminalité forment un trio dont les tensions montent jusqu'à l'émeute finale.</p>
          <p>Le film refuse les réponses faciles et laisse le spectateur face à une dernière image qui ne le quitte plus longtemps.</p>
          <h3>{{heading}}</h3>
          <div><p>Vu hier soir, la dernière scène m'a laissé sans voix.</p></div>
          <div><p>Le jeu des enfants est impressionnant de naturel.</p></div>
          <div><p>Un peu long au milieu, mais la fin rattrape tout.</p></div>
        </div></div></body></html>
        """;

    private static readonly string[] FrenchComments =
    [
        "Vu hier soir, la dernière scène m'a laissé sans voix.",
        "Le jeu des enfants est impressionnant de naturel.",
        "Un peu long au milieu, mais la fin rattrape tout.",
    ];

    [Theory]
    [InlineData("3 commentaires")]
    [InlineData("2 réflexions sur « Les Misérables »")]
    [InlineData("Une réflexion sur « Les Misérables »")]
    public void Unmarked_blocks_after_a_french_comment_heading_are_comments_not_article(string heading)
    {
        var review = ReviewPipeline.Process(FrenchHeadedPage(heading), Url);

        var article = string.Join("\n", review.Texts());
        Assert.Contains("Montfermeil", article, StringComparison.Ordinal);
        Assert.All(FrenchComments, c => Assert.DoesNotContain(c, article, StringComparison.Ordinal));
        Assert.Equal(FrenchComments, review.Comments.SelectMany(c => c.Blocks).Select(b => b.Text));
    }

    [Theory]
    [InlineData("Commentaire")]
    [InlineData("Une réflexion sur le deuil")]
    [InlineData("Réponses")]
    public void A_french_heading_that_only_looks_like_a_thread_keeps_its_blocks_in_the_article(string heading)
    {
        var review = ReviewPipeline.Process(FrenchHeadedPage(heading), Url);

        Assert.Empty(review.Comments);
        Assert.All(FrenchComments, c => Assert.Contains(c, review.Texts()));
    }

    [Theory]
    [InlineData("2 comentarios")]
    [InlineData("5 comentários")]
    [InlineData("4 commenti")]
    [InlineData("3 Kommentare")]
    [InlineData("1 Kommentar zu „Der Vorleser“")]
    [InlineData("Laisser un commentaire")]
    [InlineData("Deja un comentario")]
    [InlineData("Deixe uma resposta")]
    [InlineData("Lascia un commento")]
    [InlineData("Schreibe einen Kommentar")]
    public void Comment_headings_in_spanish_portuguese_italian_and_german_open_a_thread(string heading)
    {
        var review = ReviewPipeline.Process(FrenchHeadedPage(heading), Url);

        Assert.All(FrenchComments, c => Assert.DoesNotContain(c, review.Texts()));
    }

    [Theory]
    [InlineData("commentaires", "", nameof(ClassSignal.CommentArea))]
    [InlineData("comentarios", "", nameof(ClassSignal.CommentArea))]
    [InlineData("", "commenti", nameof(ClassSignal.CommentArea))]
    [InlineData("kommentare", "", nameof(ClassSignal.CommentArea))]
    [InlineData("liste-des-commentaires", "", nameof(ClassSignal.CommentArea))]
    [InlineData("kommentarbereich", "", nameof(ClassSignal.CommentArea))]
    [InlineData("auteur-commentaire", "", nameof(ClassSignal.CommentAuthor))]
    [InlineData("comentario-autor", "", nameof(ClassSignal.CommentAuthor))]
    [InlineData("texte-du-commentaire", "", nameof(ClassSignal.CommentBody))]
    [InlineData("commento-testo", "", nameof(ClassSignal.CommentBody))]
    [InlineData("kommentar-datum", "", nameof(ClassSignal.CommentDate))]
    [InlineData("comentario", "", nameof(ClassSignal.CommentItem))]
    [InlineData("", "kommentar-1234", nameof(ClassSignal.CommentItemId))]
    public void Comment_names_in_french_spanish_portuguese_italian_and_german_have_their_english_roles(string classes, string id, string signal)
    {
        Assert.True(ClassHints.Classify(classes, id).Has(Enum.Parse<ClassSignal>(signal)));
    }

    [Theory]
    [InlineData("kommentarfunktion-deaktiviert")]
    [InlineData("commentaires-fermes")]
    [InlineData("comentarios-cerrados")]
    public void A_name_that_only_mentions_comments_is_comment_related_but_no_thread(string classes)
    {
        var verdict = ClassHints.Classify(classes, "");

        Assert.True(verdict.Has(ClassSignal.CommentRelated));
        Assert.False(verdict.Has(ClassSignal.CommentArea | ClassSignal.CommentItem | ClassSignal.CommentAuthor | ClassSignal.CommentBody));
    }

    [Theory]
    [InlineData("commentary")]
    [InlineData("comentarista")]
    [InlineData("contenu")]
    public void Words_near_comment_but_not_it_are_not_comment_related(string classes)
    {
        Assert.False(ClassHints.Classify(classes, "").Has(ClassSignal.CommentRelated | ClassSignal.CommentArea));
    }
}
