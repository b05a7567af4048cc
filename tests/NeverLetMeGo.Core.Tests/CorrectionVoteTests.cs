using NeverLetMeGo.Core.Decisions;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

public sealed class CorrectionVoteTests
{
    private static Dictionary<SpoilerLevel, int> Reports(int none, int premise, int major) =>
        new() { [SpoilerLevel.None] = none, [SpoilerLevel.Premise] = premise, [SpoilerLevel.Major] = major };

    [Theory]
    [InlineData(0, 0, 2, SpoilerLevel.None, VoteOutcome.Stands)]
    [InlineData(0, 0, 3, SpoilerLevel.None, VoteOutcome.Raise)]
    [InlineData(3, 0, 0, SpoilerLevel.Major, VoteOutcome.AskOperator)]
    [InlineData(0, 3, 3, SpoilerLevel.None, VoteOutcome.Raise)]
    [InlineData(0, 0, 3, SpoilerLevel.Major, VoteOutcome.Stands)]
    public void Readers_raise_a_level_on_their_own_and_ask_an_operator_to_lower_one(int none, int premise, int major, SpoilerLevel current, VoteOutcome outcome)
        => Assert.Equal(outcome, CorrectionVote.Decide(Reports(none, premise, major), 3, current, setByOperator: false).Outcome);

    [Fact]
    public void A_tie_goes_to_the_higher_level()
        => Assert.Equal(SpoilerLevel.Major, CorrectionVote.Decide(Reports(0, 4, 4), 3, SpoilerLevel.None, false).Winner);

    [Fact]
    public void An_operators_level_stands_whatever_the_readers_say()
        => Assert.Equal(VoteOutcome.Stands, CorrectionVote.Decide(Reports(0, 0, 9), 3, SpoilerLevel.None, setByOperator: true).Outcome);
}
