using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

/// <summary>What a reader is told about why a block is hidden: the tagger's reasons, never text of the page or of a term.</summary>
public sealed class SpoilerReasonsTests
{
    [Theory]
    [InlineData("model: 0.91", "major spoiler: model: 0.91")]
    [InlineData("model: 1.00", "major spoiler: model: 1.00")]
    [InlineData("mentions 'Rosebud', a major plot term for this work", "major spoiler: mentions a plot term named for this work")]
    [InlineData("after the author's spoiler warning", "major spoiler: after the author's spoiler warning")]
    [InlineData("model: Judy was Madeleine", "major spoiler")]
    [InlineData("model: 7", "major spoiler")]
    [InlineData("Judy was Madeleine all along", "major spoiler")]
    public void Stored_reasons_map_onto_words_that_carry_no_page_text(string stored, string shown)
    {
        Assert.Equal(shown, SpoilerReasons.Describe(SpoilerLevel.Major, false, [stored]));
    }

    [Fact]
    public void The_first_reason_the_vocabulary_knows_is_the_one_shown()
    {
        Assert.Equal(
            "premise spoiler: mentions a plot term named for this work",
            SpoilerReasons.Describe(SpoilerLevel.Premise, false, ["Judy was Madeleine", "mentions 'Hailsham', a premise plot term for this work", "model: 0.62"]));
    }
}
