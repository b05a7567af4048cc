namespace NeverLetMeGo.Core.Tests;

/// <summary>
/// A short list of links under a line that names it as the site's ("Related posts:", "You may also like") is left out
/// like a long one; one or two links the author writes into the text, or a label over prose, stay.
/// </summary>
public sealed class HeadedLinkListTests
{
    private static string Page(string after) => Pages.Article(Pages.ProseParagraphs() + after);

    [Theory]
    [InlineData("<h3>Related posts:</h3><ul><li><a href=\"/a\">How to read a quiet film</a></li><li><a href=\"/b\">Slow cinema, again</a></li></ul>")]
    [InlineData("<p><strong>Related post:</strong></p><ul><li><a href=\"/a\">How to read a quiet film</a></li></ul>")]
    [InlineData("<h4>You may also like</h4><p><a href=\"/a\">How to read a quiet film</a> <a href=\"/b\">Slow cinema, again</a></p>")]
    [InlineData("<p>People Who Read This Article Also Read</p><div><a href=\"/a\">How to read a quiet film</a></div>")]
    public void A_named_list_of_other_pages_is_left_out_however_short(string list)
    {
        var texts = Pages.Process(Page(list)).Texts();

        Assert.Equal(Pages.Prose, texts);
    }

    [Theory]
    [InlineData("<p>Further reading: <a href=\"/a\">How to read a quiet film</a>, <a href=\"/b\">Slow cinema, again</a></p>", "Further reading")]
    [InlineData("<h3>Related reading</h3><p>Ishiguro's novel, published in 2005, tells the same story more slowly and more sadly.</p>", "Related reading")]
    [InlineData("<p>Related: <a href=\"/a\">our review of the novel</a> makes the case for reading it first.</p>", "Related: our review")]
    public void Links_the_author_writes_and_a_label_over_prose_stay(string after, string kept)
    {
        var text = Pages.Process(Page(after)).AllText();

        Assert.Contains(kept, text, StringComparison.Ordinal);
    }
}
