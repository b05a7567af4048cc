using Microsoft.AspNetCore.Http.HttpResults;
using NeverLetMeGo.Api.Infrastructure;
using NeverLetMeGo.Core.Masking;

namespace NeverLetMeGo.Api.Reviews;

/// <summary>The reader's choices every text surface shares: the tolerance and how hidden blocks are shown.</summary>
internal sealed record ReadOptions(SpoilerTolerance Tolerance, MaskMode Mask)
{
    public static bool TryParse(string? spoilers, string? mask, out ReadOptions options, out ProblemHttpResult? problem)
    {
        options = new ReadOptions(SpoilerTolerance.None, MaskMode.Placeholder);
        problem = null;
        if (!SpoilerTolerances.TryParse(spoilers, out var tolerance))
        {
            problem = Problems.BadParameter("spoilers", $"spoilers must be one of: {SpoilerTolerances.Allowed}.");
            return false;
        }

        if (!MaskModes.TryParse(mask, out var mode))
        {
            problem = Problems.BadParameter("mask", $"mask must be one of: {MaskModes.Allowed}.");
            return false;
        }

        options = new ReadOptions(tolerance, mode);
        return true;
    }
}
