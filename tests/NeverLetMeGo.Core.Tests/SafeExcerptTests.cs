using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

public sealed class SafeExcerptTests
{
    // Text without spaces (emoji, Chinese or Japanese) is cut at the excerpt's length; cut between the two halves of a
    // surrogate pair, the excerpt held half a character, which PostgreSQL refuses: the review could not be stored.
    [Theory]
    [InlineData("")]
    [InlineData("a")]
    public void An_excerpt_cut_inside_text_without_spaces_never_splits_a_character(string prefix)
    {
        var text = prefix + string.Concat(Enumerable.Repeat("\U0001F600\U00020000", 120));
        var (excerpt, truncated) = SafeText.Excerpt([new Block(0, BlockKind.Paragraph, text, SpoilerTag.Clean)]);

        Assert.True(truncated);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
        Assert.True(excerpt.Length <= SafeText.ExcerptLength);
        Assert.StartsWith(excerpt[..^1], text, StringComparison.Ordinal);
        for (var i = 0; i < excerpt.Length; i++)
        {
            Assert.False(char.IsLowSurrogate(excerpt[i]) && (i == 0 || !char.IsHighSurrogate(excerpt[i - 1])), $"half a pair at {i}");
            Assert.False(char.IsHighSurrogate(excerpt[i]) && (i + 1 == excerpt.Length || !char.IsLowSurrogate(excerpt[i + 1])), $"half a pair at {i}");
        }
    }
}
