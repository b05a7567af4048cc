using System.CommandLine;
using System.Text.Json;
using NeverLetMeGo.Core.Spoilers.Embeddings;
using NeverLetMeGo.Core.Spoilers.Scoring;

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
        command.Subcommands.Add(ExportEncoder(context));
        command.Subcommands.Add(CalibrateEncoder(context));
        return command;
    }

    private static Command Train(CliContext context)
    {
        var input = new Argument<string>("labelled.jsonl") { Description = "Sentences with a label none|premise|major, grouped by work_id and review_id, in reading order." };
        var output = new Option<string>("--out")
        {
            Description = "Where to write the n-gram model; the encoder heads go beside it with the extension .heads.",
            Required = true,
        };
        var command = new Command("train", "Train the n-gram model and the encoder heads (deterministic: the same corpus gives the same files).") { input, output };
        CliAction.Set(command, context, (parse, ct) =>
        {
            var rows = SpoilersJsonl.Read(parse.GetRequiredValue(input), labelled: true).ToArray();
            var path = parse.GetRequiredValue(output);
            var heads = HeadsPath(path);
            using (var file = File.Create(path))
                SpoilerTrainer.Train(rows).Save(file);
            using (var file = File.Create(heads))
                EncoderHeadTrainer.Train(SentenceEncoder.Shared, EncoderWeights.MiniLm, rows).Save(file);
            context.Out.WriteLine($"trained on {rows.Length} sentences of {rows.Select(r => r.Sentence.WorkId).Distinct(StringComparer.Ordinal).Count()} works; wrote {path} and {heads}");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command ExportEncoder(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "Where to write the fp32 ONNX graph.", Required = true };
        var command = new Command("export-encoder", "Write the package's fp32 sentence encoder, the input of spoilers/quantize-encoder.py.") { output };
        CliAction.Set(command, context, async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(output);
            await using (var model = EncoderWeights.MiniLmFp32.OpenModel())
            await using (var file = File.Create(path))
                await model.CopyToAsync(file, ct);
            context.Out.WriteLine($"wrote {path}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CalibrateEncoder(CliContext context)
    {
        var probe = new Argument<string>("probe.onnx") { Description = "The fp32 graph with its MatMul inputs as outputs (quantize-encoder.py probe)." };
        var input = new Argument<string>("sentences.jsonl") { Description = "Sentences whose activations set the ranges (the corpus; labels are not read)." };
        var output = new Option<string>("--out") { Description = "Where to write the ranges (JSON), the input of quantize-encoder.py quantize.", Required = true };
        var command = new Command("calibrate-encoder", "Measure each channel's range at the encoder's MatMul inputs, for the int8 graph.") { probe, input, output };
        CliAction.Set(command, context, async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(probe);
            if (!File.Exists(path))
                throw new CliException($"no such file: {path}");
            var sentences = SpoilersJsonl.Read(parse.GetRequiredValue(input), labelled: false)
                .Select(r => r.Sentence.Text).Distinct(StringComparer.Ordinal).ToArray();
            var ranges = EncoderCalibration.Measure(EncoderWeights.MiniLmGraph("probe", () => File.OpenRead(path)), sentences);
            await using (var file = File.Create(parse.GetRequiredValue(output)))
                await JsonSerializer.SerializeAsync(file, ranges.ToDictionary(r => r.Input, r => new { min = r.Range.Min, max = r.Range.Max }), cancellationToken: ct);
            context.Out.WriteLine($"measured {ranges.Count} MatMul inputs on {sentences.Length} sentences; wrote {parse.GetRequiredValue(output)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Score(CliContext context)
    {
        var input = new Option<string>("--in") { Description = "Sentences {\"id\", \"work_id\", \"text\"} (labels, if any, are never read).", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write {\"id\", \"score\", \"spoiler\", \"own\", \"level\"} lines.", Required = true };
        var modelPath = ModelOption();
        var command = new Command("score", "Score sentences; lines sharing a work_id are that work's unlabelled context.") { input, output, modelPath };
        CliAction.Set(command, context, (parse, ct) =>
        {
            var (model, meaning) = LoadModels(parse.GetValue(modelPath));
            var rows = SpoilersJsonl.Read(parse.GetRequiredValue(input), labelled: false);
            var scores = SpoilerScorer.Score(model, meaning, rows.Select(r => r.Sentence).ToArray());
            using var writer = new StreamWriter(parse.GetRequiredValue(output));
            foreach (var s in scores)
                writer.WriteLine(JsonSerializer.Serialize(new { id = s.Id, score = Math.Round(s.Score, 6), spoiler = Math.Round(s.Spoiler, 6), own = Math.Round(s.Own, 6), level = s.Level.ToString().ToLowerInvariant() }));
            context.Out.WriteLine($"scored {scores.Count} sentences");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    internal static Option<string?> ModelOption() => new("--model")
    {
        Description = "An n-gram model file, with its encoder heads beside it as .heads if there are any (default: the shipped models).",
    };

    internal static string HeadsPath(string modelPath) => Path.ChangeExtension(modelPath, ".heads");

    /// <summary>The n-gram model and the meaning reader from <paramref name="path"/> (and its .heads), or the shipped ones.</summary>
    internal static (SpoilerModel Model, MeaningReader? Meaning) LoadModels(string? path)
    {
        var model = LoadModel(path);
        if (path is null)
            return (model, MeaningReader.Shipped);
        var heads = HeadsPath(path);
        if (!File.Exists(heads))
            return (model, null);
        try
        {
            using var file = File.OpenRead(heads);
            return (model, new MeaningReader(SentenceEncoder.Shared, EncoderHeads.Load(file)));
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            throw new CliException($"{heads}: {ex.Message}");
        }
    }

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
