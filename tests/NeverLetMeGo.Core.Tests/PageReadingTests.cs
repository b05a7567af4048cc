using NeverLetMeGo.Core.Spoilers;

namespace NeverLetMeGo.Core.Tests;

public sealed class PageReadingTests
{
    private static TextReading Reading(string[] revealed, params string[] revealing) =>
        new(revealed.ToHashSet(StringComparer.Ordinal), revealing.ToHashSet(StringComparer.Ordinal));

    [Fact]
    public void A_word_three_texts_of_a_page_reveal_with_is_the_page_s_secret()
    {
        var article = Reading([], "organ", "boarding");
        var comments = new[] { Reading([], "organ"), Reading([], "organ", "problem"), Reading([], "problem") };

        var page = TextReading.OfPage(article, comments);

        Assert.Contains("organ", page.Revealed);
        // Two texts sharing a word in their revealing sentences is plain talk as often as a secret.
        Assert.DoesNotContain("problem", page.Revealed);
        Assert.DoesNotContain("boarding", page.Revealed);
    }

    [Fact]
    public void What_the_article_kept_secret_stays_secret_for_the_page()
    {
        var article = Reading(["clon"], "clon");

        var page = TextReading.OfPage(article, [Reading([]), Reading(["donat"], "donat")]);

        Assert.Equal(["clon"], page.Revealed.Order());
    }

    [Fact]
    public void A_page_whose_comments_name_a_secret_is_read_again_against_it()
    {
        var articleOuters = new List<TextReading?>();
        var commentOuters = new List<(int, TextReading)>();
        var (article, comments) = PageReading.Tag(
            outer =>
            {
                articleOuters.Add(outer);
                return ("article", Reading([], "organ"));
            },
            3,
            (i, outer) =>
            {
                commentOuters.Add((i, outer));
                return ($"comment {i}", Reading([], "organ"));
            });

        Assert.Equal("article", article);
        Assert.Equal(["comment 0", "comment 1", "comment 2"], comments);
        // Read alone, then against the page's secret; every comment against the article, then against the page.
        Assert.Equal(2, articleOuters.Count);
        Assert.Null(articleOuters[0]);
        Assert.Contains("organ", articleOuters[1]!.Revealed);
        Assert.Equal(6, commentOuters.Count);
        Assert.All(commentOuters.Skip(3), c => Assert.Contains("organ", c.Item2.Revealed));
    }

    [Fact]
    public void A_page_with_no_new_secret_is_read_once()
    {
        var reads = 0;
        PageReading.Tag(_ => { reads++; return (0, Reading([], "organ")); }, 2, (_, _) => { reads++; return (0, Reading([])); });
        Assert.Equal(3, reads);
    }
}
