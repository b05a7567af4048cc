using NeverLetMeGo.Api.Search;

namespace NeverLetMeGo.Api.Tests;

public sealed class SnippetTests
{
    [Theory]
    [InlineData("The pacing is patient.", "pace", "The \u0001pacing\u0002 is patient.")]
    [InlineData("Lian's father dies.", "lian", "\u0001Lian's\u0002 father dies.")]
    [InlineData("A story (told twice).", "stori", "A \u0001story\u0002 (told twice).")]
    [InlineData("\"Zebrafish,\" she said.", "zebrafish", "\"\u0001Zebrafish\u0002,\" she said.")]
    [InlineData("She dies at dawn.", "die", "She \u0001dies\u0002 at dawn.")]
    [InlineData("Three stories, one story.", "stori", "Three \u0001stories\u0002, one \u0001story\u0002.")]
    [InlineData("An actual act.", "act", "An actual \u0001act\u0002.")]
    [InlineData("A house burns.", "hous", "A \u0001house\u0002 burns.")]
    [InlineData("Nothing matches here.", "harbour", "Nothing matches here.")]
    public void Words_whose_stem_is_a_lexeme_are_marked_and_their_punctuation_is_not(string text, string lexeme, string expected)
        => Assert.Equal(expected, Snippets.Mark(text, [lexeme]));

    [Fact]
    public void A_long_block_is_cut_to_a_window_from_a_little_before_its_first_match()
    {
        var words = Enumerable.Range(0, 100).Select(i => i == 60 ? "harbour" : $"w{i}").ToList();

        var marked = Snippets.Mark(string.Join(' ', words), ["harbour"]);

        var shown = Snippets.Plain(marked).Split(' ');
        Assert.Equal(Snippets.MaxWords, shown.Length);
        Assert.Equal("w55", shown[0]);
        Assert.Contains("\u0001harbour\u0002", marked, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_without_a_match_shows_its_beginning()
    {
        var text = string.Join(' ', Enumerable.Range(0, 50).Select(i => $"w{i}"));

        var marked = Snippets.Mark(text, ["harbour"]);

        Assert.Equal(string.Join(' ', Enumerable.Range(0, Snippets.MaxWords).Select(i => $"w{i}")), marked);
    }

    [Fact]
    public void Html_escapes_the_text_and_only_marks_are_markup()
    {
        var marked = Snippets.Mark("<b>zebrafish</b> & friends", ["zebrafish"]);

        Assert.Equal("&lt;b&gt;<mark>zebrafish</mark>&lt;/b&gt; &amp; friends", Snippets.Html(marked));
    }
}
