using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using NeverLetMeGo.Core.Spoilers.Model;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>
/// `nlmg spoilers bench &lt;file.jsonl&gt;`: how fast the model tags, on one thread: the whole scoring path (work
/// vocabularies, contexts, features, both heads, smoothing) run over the file's sentences until the time is up.
/// </summary>
internal static class SpoilersBench
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("file.jsonl") { Description = "Sentences {\"id\", \"work_id\", \"text\"} (labels ignored)." };
        var seconds = new Option<double?>("--seconds") { Description = "How long to measure (default 10)." };
        var command = new Command("bench", "Measure sentences per second on one core.") { input, seconds };
        CliAction.Set(command, context, (parse, ct) =>
        {
            var rows = SpoilersJsonl.Read(parse.GetRequiredValue(input), labelled: false).Select(r => r.Sentence).ToArray();
            var model = SpoilersCommand.LoadModel(null);
            var budget = TimeSpan.FromSeconds(parse.GetValue(seconds) ?? 10);
            SpoilerScorer.Score(model, rows); // warm-up: JIT and the shipped model's first load are not tagging time
            long sentences = 0;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < budget && !ct.IsCancellationRequested)
            {
                sentences += SpoilerScorer.Score(model, rows).Count;
            }

            var rate = sentences / clock.Elapsed.TotalSeconds;
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sentences} sentences in {clock.Elapsed.TotalSeconds:0.0} s on one thread: {rate:0} sentences/s/core"));
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
