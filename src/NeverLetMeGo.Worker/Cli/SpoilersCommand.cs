using System.CommandLine;
using System.Text.Json;
using NeverLetMeGo.Core.Spoilers.Model;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>`nlmg spoilers train|score|eval`: build the text model from a labelled corpus and measure it. No database.</summary>
internal static class SpoilersCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("spoilers", "Train, run and measure the spoiler text model on sentence files (JSON lines).");
        command.Subcommands.Add(Train(context));
        command.Subcommands.Add(Score(context));
        command.Subcommands.Add(SpoilersEval.Create(context));
        command.Subcommands.Add(SpoilersBench.Create(context));
        return command;
    }

    private static Command Train(CliContext context)
    {
        var input = new Argument<string>("labelled.jsonl") { Description = "Sentences with a label none|premise|major, grouped by work_id and review_id, in reading order." };
        var output = new Option<string>("--out") { Description = "Where to write the model file.", Required = true };
        var command = new Command("train", "Train the model (deterministic: the same corpus gives the same file, bit for bit).") { input, output };
        CliAction.Set(command, context, (parse, ct) =>
        {
            var rows = SpoilersJsonl.Read(parse.GetRequiredValue(input), labelled: true);
            var model = SpoilerTrainer.Train(rows.ToArray());
            var path = parse.GetRequiredValue(output);
            using (var file = File.Create(path))
                model.Save(file);
            context.Out.WriteLine($"trained on {rows.Count} sentences of {rows.Select(r => r.Sentence.WorkId).Distinct(StringComparer.Ordinal).Count()} works; wrote {path}");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command Score(CliContext context)
    {
        var input = new Option<string>("--in") { Description = "Sentences {\"id\", \"work_id\", \"text\"} (labels, if any, are never read).", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write {\"id\", \"score\", \"level\"} lines.", Required = true };
        var modelPath = ModelOption();
        var command = new Command("score", "Score sentences; lines sharing a work_id are that work's unlabelled context.") { input, output, modelPath };
        CliAction.Set(command, context, (parse, ct) =>
        {
            var model = LoadModel(parse.GetValue(modelPath));
            var rows = SpoilersJsonl.Read(parse.GetRequiredValue(input), labelled: false);
            var scores = SpoilerScorer.Score(model, rows.Select(r => r.Sentence).ToArray());
            using var writer = new StreamWriter(parse.GetRequiredValue(output));
            foreach (var s in scores)
                writer.WriteLine(JsonSerializer.Serialize(new { id = s.Id, score = Math.Round(s.Score, 6), level = s.Level.ToString().ToLowerInvariant() }));
            context.Out.WriteLine($"scored {scores.Count} sentences");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    internal static Option<string?> ModelOption() => new("--model") { Description = "A model file (default: the shipped model)." };

    internal static SpoilerModel LoadModel(string? path)
    {
        if (path is null)
            return SpoilerModel.Shipped ?? throw new CliException("this build has no shipped model; pass --model");
        if (!File.Exists(path))
            throw new CliException($"no such file: {path}");
        try
        {
            using var file = File.OpenRead(path);
            return SpoilerModel.Load(file);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            throw new CliException($"{path}: {ex.Message}");
        }
    }
}
