using System.CommandLine;
using NeverLetMeGo.Data.Jobs;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>`nlmg jobs retry &lt;id&gt;` or `nlmg jobs retry --dead`: put failed (or finished) jobs back in the queue.</summary>
internal static class JobsRetryCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<long?>("id") { Arity = ArgumentArity.ZeroOrOne, Description = "The job to retry (dead or done)." };
        var dead = new Option<bool>("--dead") { Description = "Retry every dead job." };
        var command = new Command("retry", "Queue a dead or done job again with a fresh attempt count, due now.") { id, dead };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(id) is null) == !result.GetValue(dead))
                result.AddError("give either a job id or --dead.");
        });
        CliAction.Set(command, context, (parse, ct) => RunAsync(context, parse.GetValue(id), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, long? id, CancellationToken ct)
    {
        await using var db = await context.OpenDatabaseAsync(ct);
        var queue = new ScrapeJobQueue(db, context.Clock);
        if (id is not { } jobId)
        {
            var count = await queue.RetryDeadAsync(ct);
            context.Out.WriteLine($"Retrying {count} dead job{(count == 1 ? "" : "s")}.");
            return ExitCodes.Ok;
        }
        var message = await queue.RetryAsync(jobId, ct) switch
        {
            RetryOutcome.Retried => null,
            RetryOutcome.NotFound => $"no job {jobId}",
            RetryOutcome.StillOpen => $"job {jobId} is still pending or running",
            _ => $"another job for the URL of job {jobId} is already queued",
        };
        if (message is not null)
            throw new CliException(message);
        context.Out.WriteLine($"Retrying job {jobId}.");
        return ExitCodes.Ok;
    }
}
