using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Decisions;

/// <summary>What readers' reports do to a block: nothing yet, raise its level now, or ask an operator to lower it.</summary>
public enum VoteOutcome
{
    Stands,
    Raise,
    AskOperator,
}

public sealed record VoteResult(VoteOutcome Outcome, SpoilerLevel? Winner);

/// <summary>
/// The readers' vote on a block's level. Anonymous clients are cheap, so reports may only raise a level on their own (the
/// safe direction); a lowering waits for an operator, and an operator's decision is final for reports.
/// </summary>
public static class CorrectionVote
{
    public const int DefaultThreshold = 3;

    /// <param name="reportsByLevel">Distinct clients per reported level (each client's latest report counts).</param>
    /// <param name="threshold">Clients who must agree before a level counts.</param>
    /// <param name="current">The block's effective level now.</param>
    /// <param name="setByOperator">An operator set the current level.</param>
    public static VoteResult Decide(IReadOnlyDictionary<SpoilerLevel, int> reportsByLevel, int threshold, SpoilerLevel current, bool setByOperator)
    {
        // Ties go to the safer, higher level.
        var winner = reportsByLevel.Where(c => c.Value >= Math.Max(1, threshold))
            .OrderByDescending(c => c.Value).ThenByDescending(c => c.Key)
            .Select(c => (SpoilerLevel?)c.Key).FirstOrDefault();
        if (setByOperator || winner is not { } level || level == current)
            return new VoteResult(VoteOutcome.Stands, winner);
        return new VoteResult(level > current ? VoteOutcome.Raise : VoteOutcome.AskOperator, level);
    }
}
