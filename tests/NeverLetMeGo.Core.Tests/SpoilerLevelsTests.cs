using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

public sealed class SpoilerLevelsTests
{
    [Theory]
    [InlineData(SpoilerLevel.None, "none")]
    [InlineData(SpoilerLevel.Premise, "premise")]
    [InlineData(SpoilerLevel.Major, "major")]
    public void Wire_names_round_trip(SpoilerLevel level, string name)
    {
        Assert.Equal(name, level.ToWireName());
        Assert.True(SpoilerLevels.TryParse(name, out var parsed));
        Assert.Equal(level, parsed);
    }

    [Theory]
    [InlineData("Major")]
    [InlineData("spoiler")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_level(string? value) => Assert.False(SpoilerLevels.TryParse(value, out _));
}
