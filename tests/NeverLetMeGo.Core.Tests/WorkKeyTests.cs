using NeverLetMeGo.Core.Extraction.Metadata;

namespace NeverLetMeGo.Core.Tests;

/// <summary>Reviews of one film from different sites land on one work, whatever the sites' spelling of its title.</summary>
public sealed class WorkKeyTests
{
    [Theory]
    [InlineData("Never Let Me Go", "never let me go")]
    [InlineData("NEVER LET ME GO!", "never let me go")]
    [InlineData("Never Let Me Go (2010)", "never let me go")]
    [InlineData("  Never   let me go, 2010 ", "never let me go")]
    [InlineData("The Remains of the Day", "remains of the day")]
    [InlineData("Remains of the Day (1993)", "remains of the day")]
    [InlineData("Amélie", "amelie")]
    [InlineData("Schindler\u2019s List", "schindlers list")]
    [InlineData("Crouching Tiger & Hidden Dragon", "crouching tiger and hidden dragon")]
    [InlineData("Spider-Man: No Way Home", "spider man no way home")]
    [InlineData("2001: A Space Odyssey", "2001 a space odyssey")]
    [InlineData("1917", "1917")]
    [InlineData("A", "a")]
    [InlineData("The", "the")]
    public void Titles_are_keyed_without_case_accents_punctuation_leading_article_or_year(string title, string key)
    {
        Assert.Equal(key, WorkKey.For(title));
    }

    [Theory]
    [InlineData("Never Let Me Go", "Let Me In")]
    [InlineData("The Day After Tomorrow", "The Day After")]
    [InlineData("Blade Runner", "Blade Runner 2049")]
    public void Different_works_keep_different_keys(string one, string other)
    {
        Assert.NotEqual(WorkKey.For(one), WorkKey.For(other));
    }

    [Fact]
    public void Reviews_of_one_film_from_different_sites_name_one_work()
    {
        string[] pages =
        [
            Pages.Article(Pages.ProseParagraphs(), """<meta property="og:title" content="Review: Never Let Me Go (2010)">"""),
            Pages.Article(Pages.ProseParagraphs(), """<script type="application/ld+json">{"@type":"Review","name":"A quiet heartbreak","itemReviewed":{"@type":"Movie","name":"NEVER LET ME GO"}}</script>"""),
            Pages.Article(Pages.ProseParagraphs(), """<meta property="og:title" content="Meaning in the Movie &ldquo;Never let me go&rdquo;">"""),
            Pages.Article(Pages.ProseParagraphs(), """<meta property="og:title" content="Never Let Me Go &ndash; a quiet heartbreak">"""),
        ];

        var keys = pages.Select(p => WorkKey.For(Pages.Process(p).Work.Title)).Distinct().ToArray();

        Assert.Equal(["never let me go"], keys);
    }
}
