using NeverLetMeGo.Core.Extraction;

namespace NeverLetMeGo.Core.Tests;

/// <summary>The text buffer copies text a run at a time; what it renders is still the browser's whitespace rule.</summary>
public sealed class TextBufferTests
{
    [Fact]
    public void The_characters_looked_at_one_by_one_are_exactly_the_spaces_and_the_invisible_ones()
    {
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            Assert.True(
                TextBuffer.Special.Contains(c) == (TextBuffer.IsSpace(c) || TextBuffer.IsInvisible(c)),
                $"U+{(int)c:X4}");
        }
    }

    [Theory]
    [InlineData("  plain   words\there \n", "plain words here")]
    [InlineData("soft\u00ADhyphen and zero\u200Bwidth", "softhyphen and zerowidth")]
    [InlineData("a\u200B \u200Bb", "a b")]
    [InlineData("\u3000wide\u3000space\u00A0and\u2009thin ", "wide space and thin")]
    [InlineData("caf&eacute; &amp; cr&egrave;me", "café & crème")]
    [InlineData("\u200B\u200B", "")]
    [InlineData("x", "x")]
    public void Text_is_rendered_with_whitespace_collapsed_and_invisible_characters_dropped(string raw, string expected)
    {
        var buffer = new TextBuffer();
        buffer.AppendHtmlText(raw, inLink: false);

        Assert.Equal(expected, buffer.Take());
    }

    [Fact]
    public void Text_appended_in_pieces_joins_at_the_spaces_between_them()
    {
        var buffer = new TextBuffer();
        buffer.AppendHtmlText("one ", inLink: false);
        buffer.AppendHtmlText("two", inLink: true);
        buffer.AppendSpace();
        buffer.AppendHtmlText("three", inLink: false);

        // The space before the link is written when the link's text arrives, so it counts with the link.
        Assert.Equal(" two".Length, buffer.LinkChars);
        Assert.Equal("one two three", buffer.Take());
    }
}
