using System.CommandLine;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Spoilers.Embeddings;
using NeverLetMeGo.Core.Spoilers.Scoring;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>`nlmg spoilers eval &lt;labelled.jsonl&gt;`: scores without looking at labels, then prints the metrics per source.</summary>
internal static class SpoilersEval
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("labelled.jsonl") { Description = "Labelled sentences (0/1 or none/premise/major) with a source." };
        var modelPath = SpoilersCommand.ModelOption();
        var folds = new Option<int?>("--folds")
        {
            Description = "Cross-validate instead: split the works into N folds, train on the others and score each held-out fold.",
        };
        var exclude = new Option<string?>("--exclude-works-of")
        {
            Description = "Leave out the sentences of works that this corpus (e.g. the training corpus) also writes about, so every work is held out.",
        };
        var command = new Command("eval", "ROC AUC, average precision, and P/R/F1 at the best-F1 threshold and at recall 0.9, per source.") { input, modelPath, folds, exclude };
        CliAction.Set(command, context, (parse, ct) =>
        {
            var rows = SpoilersJsonl.Read(parse.GetRequiredValue(input), labelled: true).ToArray();
            if (parse.GetValue(exclude) is { } other)
            {
                var known = SpoilersJsonl.Read(other, labelled: false).Select(r => WorkName(r.Sentence.WorkId)).ToHashSet(StringComparer.Ordinal);
                rows = rows.Where(r => !known.Contains(WorkName(r.Sentence.WorkId))).ToArray();
            }

            var scores = parse.GetValue(folds) is { } k
                ? CrossValidate(rows, k)
                : Score(SpoilersCommand.LoadModels(parse.GetValue(modelPath)), rows);
            context.Out.WriteLine("| source | sentences | spoilers | ROC AUC | AP | best-F1 thr | P | R | F1 | R≥0.9 thr | P | R | F1 |");
            context.Out.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var group in rows.Select((r, i) => (r.Source, r.Label, Score: scores[i]))
                .GroupBy(x => x.Source, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                // Yes/no labels are measured against the score `spoilers score` writes, so anyone's AUC from that file is this
                // table's. Three-level labels ask "does it give anything away" (premise counts): the chance of any spoiler.
                var yesNo = group.All(x => x.Label != SpoilerLevel.Premise);
                var items = group.Select(x => (yesNo ? x.Score.Score : x.Score.Spoiler, x.Label != SpoilerLevel.None)).ToArray();
                if (items.All(i => i.Item2) || items.All(i => !i.Item2))
                {
                    context.Out.WriteLine($"| {group.Key} | {items.Length} | needs both classes | | | | | | | | | | |");
                    continue;
                }

                var m = SpoilerMetrics.Compute(items);
                context.Out.WriteLine($"| {group.Key} | {m.Count} | {m.Positives} | {F(m.RocAuc)} | {F(m.AveragePrecision)} | {Point(m.BestF1)} | {Point(m.AtRecall90)} |");
            }

            WriteWarnedRegionCheck(context.Out, rows, scores);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    /// <summary>
    /// How the warned-region threshold holds on these labels: inside an author's warned region a paragraph is shown when
    /// every sentence read alone is below <see cref="SpoilerScorer.ConfidentlyClean"/>, and at least 95% of spoilers must
    /// stay hidden, so at most 5% of them may read below it. Prints that share (pooled and per source) and the 5th
    /// percentile of the spoilers' own chance, the highest threshold the rule allows.
    /// </summary>
    private static void WriteWarnedRegionCheck(TextWriter output, LabelledSentence[] rows, IReadOnlyList<SentenceScore> scores)
    {
        var spoilers = rows.Select((r, i) => (r.Source, r.Label, Own: scores[i].Own)).Where(x => x.Label != SpoilerLevel.None).ToArray();
        if (spoilers.Length == 0)
            return;
        var own = spoilers.Select(x => x.Own).Order().ToArray();
        var perSource = string.Join(", ", spoilers.GroupBy(x => x.Source, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {Percent(g.Count(x => x.Own < SpoilerScorer.ConfidentlyClean), g.Count())}"));
        output.WriteLine();
        output.WriteLine(
            $"warned regions: {Percent(own.Count(o => o < SpoilerScorer.ConfidentlyClean), own.Length)} of {own.Length} spoilers read alone below " +
            $"{F(SpoilerScorer.ConfidentlyClean)} ({perSource}); 95% stay hidden up to a threshold of {F(own[(int)Math.Floor(0.05 * (own.Length - 1))])}");
    }

    private static string Percent(int part, int whole) => (100.0 * part / whole).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    private static IReadOnlyList<SentenceScore> Score((SpoilerModel Model, MeaningReader? Meaning) models, LabelledSentence[] rows) =>
        SpoilerScorer.Score(models.Model, models.Meaning, rows.Select(r => r.Sentence).ToArray());

    private static SentenceScore[] CrossValidate(LabelledSentence[] rows, int k)
    {
        if (k < 2)
            throw new CliException($"--folds must be at least 2 (got {k})");
        var works = rows.Select(r => r.Sentence.WorkId).Distinct(StringComparer.Ordinal).ToArray();
        var foldOf = works.Select((w, i) => (w, i % k)).ToDictionary(p => p.w, p => p.Item2, StringComparer.Ordinal);
        var scores = new SentenceScore[rows.Length];
        for (var fold = 0; fold < k; fold++)
        {
            var held = Enumerable.Range(0, rows.Length).Where(i => foldOf[rows[i].Sentence.WorkId] == fold).ToArray();
            var train = rows.Where(r => foldOf[r.Sentence.WorkId] != fold).ToArray();
            var meaning = new MeaningReader(SentenceEncoder.Shared, EncoderHeadTrainer.Train(SentenceEncoder.Shared, EncoderWeights.MiniLm, train));
            var foldScores = SpoilerScorer.Score(SpoilerTrainer.Train(train), meaning, held.Select(i => rows[i].Sentence).ToArray());
            for (var j = 0; j < held.Length; j++)
                scores[held[j]] = foldScores[j];
        }

        return scores;
    }

    // "Harry Potter and the Deathly Hallows (Harry Potter, #7)", "HarryPotterAndTheDeathlyHallows": one name.
    private static string WorkName(string work)
    {
        var cut = work.IndexOf('(', StringComparison.Ordinal);
        var head = cut > 0 ? work[..cut] : work;
        return string.Concat(head.Where(char.IsLetterOrDigit)).ToLowerInvariant();
    }

    private static string Point(OperatingPoint p) => $"{F(p.Threshold)} | {F(p.Precision)} | {F(p.Recall)} | {F(p.F1)}";

    private static string F(double value) => SpoilersJsonl.Format(value);
}
