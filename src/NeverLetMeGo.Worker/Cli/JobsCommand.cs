using System.CommandLine;
using System.Globalization;
using NeverLetMeGo.Data.Jobs;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>`nlmg jobs [--state S] [--limit N]`: the queue as a table, newest first, with the source that queued each job and its last error.</summary>
internal static class JobsCommand
{
    public static Command Create(CliContext context)
    {
        var state = new Option<string?>("--state") { Description = "Only jobs in this state." };
        state.AcceptOnlyFromAmong("pending", "running", "done", "dead");
        var limit = new Option<int>("--limit") { Description = "At most this many jobs (1-1000).", DefaultValueFactory = _ => 50 };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1000)
                result.AddError("--limit must be between 1 and 1000.");
        });
        var command = new Command("jobs", "List scrape jobs with their state, attempts and last error.") { state, limit };
        CliAction.Set(command, context, (parse, ct) => RunAsync(context, parse.GetValue(state), parse.GetValue(limit), ct));
        command.Subcommands.Add(JobsRetryCommand.Create(context));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string? state, int limit, CancellationToken ct)
    {
        await using var db = await context.OpenDatabaseAsync(ct);
        var jobs = await new ScrapeJobQueue(db, context.Clock).ListAsync(state, limit, ct);
        if (jobs.Count == 0)
        {
            context.Out.WriteLine(state is null ? "No jobs." : $"No {state} jobs.");
            return ExitCodes.Ok;
        }
        Write(context.Out, jobs);
        return ExitCodes.Ok;
    }

    private static void Write(TextWriter output, IReadOnlyList<ScrapeJob> jobs)
    {
        string[] header = ["ID", "STATE", "ATTEMPTS", "SOURCE", "URL", "LAST ERROR"];
        var rows = jobs.Select(j => new[]
        {
            j.Id.ToString(CultureInfo.InvariantCulture),
            j.State,
            j.Attempts.ToString(CultureInfo.InvariantCulture),
            j.SourceId?.ToString(CultureInfo.InvariantCulture) ?? "-",
            j.Url,
            j.LastError?.ReplaceLineEndings(" ") ?? "",
        }).ToList();
        // The last column is left ragged; the others are padded to their widest cell.
        var widths = Enumerable.Range(0, header.Length - 1)
            .Select(c => rows.Select(r => r[c].Length).Append(header[c].Length).Max())
            .ToArray();
        foreach (var row in rows.Prepend(header))
        {
            var cells = row.Take(widths.Length).Select((cell, c) => cell.PadRight(widths[c])).Append(row[^1]);
            output.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }
}
