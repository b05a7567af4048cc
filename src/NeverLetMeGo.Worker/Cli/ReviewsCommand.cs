using System.CommandLine;
using System.Globalization;
using NeverLetMeGo.Data.Reviews;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>`nlmg reviews delete &lt;id&gt;`: remove a stored review, recorded in review_deletions like the admin API's deletions.</summary>
internal static class ReviewsCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<long>("id") { Description = "The review's id (as in GET /reviews/{id})." };
        var delete = new Command("delete", "Delete a review with its blocks and comments; a work left with no reviews leaves the lists.") { id };
        CliAction.Set(delete, context, (parse, ct) => DeleteAsync(context, parse.GetValue(id), ct));
        return new Command("reviews", "Stored reviews.") { delete };
    }

    private static async Task<int> DeleteAsync(CliContext context, long id, CancellationToken ct)
    {
        await using var db = await context.OpenDatabaseAsync(ct);
        var deleted = await new ReviewDeletions(db).DeleteAsync(id, $"nlmg ({Environment.UserName})", ct)
            ?? throw new CliException($"no review {id}");
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Deleted review {deleted.ReviewId} ({deleted.Url}) of work {deleted.WorkId}; recorded as deleted by {deleted.Actor} at {deleted.DeletedAt:u}."));
        return ExitCodes.Ok;
    }
}
