using System.Text.Json;
using NeverLetMeGo.Core.Spoilers.Scoring;
using NeverLetMeGo.Testing;
using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

public sealed class SpoilersCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nlmg-spoilers-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Corpus => Path.Combine(RepositoryRoot.Path, "spoilers", "corpus.jsonl");

    [Fact]
    public async Task Train_writes_the_shipped_model_again_from_the_shipped_corpus()
    {
        var model = Path.Combine(_folder, "m.model");

        var result = await Nlmg.RunAsync("spoilers", "train", Corpus, "--out", model);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "src", "NeverLetMeGo.Core", "Spoilers", "Scoring", "spoilers.model")), File.ReadAllBytes(model));
    }

    [Fact]
    public async Task Score_writes_one_line_per_input_with_score_and_level()
    {
        var input = Path.Combine(_folder, "in.jsonl");
        var output = Path.Combine(_folder, "out.jsonl");
        await File.WriteAllLinesAsync(input, [
            """{"id": "a", "work_id": "w", "text": "I loved the music and the acting."}""",
            """{"id": 7, "work_id": "w", "text": "In the end the hero dies and it turns out his brother killed him."}""",
        ]);

        var result = await Nlmg.RunAsync("spoilers", "score", "--in", input, "--out", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = (await File.ReadAllLinesAsync(output)).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["a", "7"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.All(lines, l => Assert.Equal(["id", "score", "spoiler", "own", "level"], l.EnumerateObject().Select(p => p.Name)));
        Assert.True(lines[1].GetProperty("spoiler").GetDouble() > lines[0].GetProperty("spoiler").GetDouble());
        // Read alone, without its neighbour's lean: what the warned-region rule compares with its threshold.
        Assert.True(lines[1].GetProperty("own").GetDouble() > lines[0].GetProperty("own").GetDouble());
        Assert.Equal("none", lines[0].GetProperty("level").GetString());
        Assert.Equal("major", lines[1].GetProperty("level").GetString());
    }

    [Fact]
    public async Task Eval_prints_a_table_per_source()
    {
        var result = await Nlmg.RunAsync("spoilers", "eval", Corpus);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("| source | sentences | spoilers | ROC AUC | AP |", result.OutLines[0], StringComparison.Ordinal);
        Assert.Equal(["blogger", "commenter", "critic", "reader", "wiki"], result.OutLines.Skip(2).TakeWhile(l => l.StartsWith('|')).Select(l => l.Split('|')[1].Trim()));
        // The warned-region rule's check: what share of the labelled spoilers read below the threshold, per source.
        var check = Assert.Single(result.OutLines, l => l.StartsWith("warned regions: ", StringComparison.Ordinal));
        Assert.Matches(@"^warned regions: \d+\.\d% of \d+ spoilers read alone below 0\.\d+ \(blogger \d+\.\d%, commenter .*wiki \d+\.\d%\); 95% stay hidden up to a threshold of 0\.\d+$", check);
    }

    [Fact]
    public async Task Eval_on_yes_no_labels_measures_the_score_that_score_writes()
    {
        // Our corpus with its levels read as yes/no (premise and major = 1), as an outside judge would hold them: the AUC
        // they compute from `spoilers score`'s file must be the one eval prints.
        var labelled = Path.Combine(_folder, "yesno.jsonl");
        var unlabelled = Path.Combine(_folder, "in.jsonl");
        var scored = Path.Combine(_folder, "out.jsonl");
        var labels = new Dictionary<string, bool>(StringComparer.Ordinal);
        var yesNo = new List<string>();
        var plain = new List<string>();
        foreach (var line in File.ReadLines(Corpus).Where(l => l.Length > 0))
        {
            var row = JsonDocument.Parse(line).RootElement;
            var (id, work, text) = (row.GetProperty("id").GetString()!, row.GetProperty("work_id").GetString()!, row.GetProperty("text").GetString()!);
            labels[id] = row.GetProperty("label").GetString() != "none";
            yesNo.Add(JsonSerializer.Serialize(new { id, work_id = work, text, label = labels[id] ? 1 : 0, source = "all" }));
            plain.Add(JsonSerializer.Serialize(new { id, work_id = work, text }));
        }

        await File.WriteAllLinesAsync(labelled, yesNo);
        await File.WriteAllLinesAsync(unlabelled, plain);

        var eval = await Nlmg.RunAsync("spoilers", "eval", labelled);
        var score = await Nlmg.RunAsync("spoilers", "score", "--in", unlabelled, "--out", scored);

        Assert.True(eval.ExitCode == 0, eval.ToString());
        Assert.True(score.ExitCode == 0, score.ToString());
        var items = File.ReadLines(scored).Select(l => JsonDocument.Parse(l).RootElement)
            .Select(r => (r.GetProperty("score").GetDouble(), labels[r.GetProperty("id").GetString()!])).ToArray();
        var auc = SpoilerMetrics.Compute(items).RocAuc;
        Assert.Equal(auc.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), eval.OutLines[2].Split('|')[4].Trim());
    }

    [Fact]
    public async Task Eval_leaves_out_the_works_another_corpus_writes_about()
    {
        var input = Path.Combine(_folder, "dev.jsonl");
        await File.WriteAllLinesAsync(input, [
            """{"id": "a", "work_id": "Citizen Kane (1941)", "text": "Rosebud is the sled.", "label": 1, "source": "s"}""",
            """{"id": "b", "work_id": "citizenkane", "text": "I liked the camera work.", "label": 0, "source": "s"}""",
            """{"id": "c", "work_id": "Some Unwritten Film", "text": "It was fine.", "label": 0, "source": "t"}""",
        ]);

        var result = await Nlmg.RunAsync("spoilers", "eval", input, "--exclude-works-of", Corpus);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["| t | 1 | needs both classes | | | | | | | | | | |"], result.OutLines.Skip(2).TakeWhile(l => l.StartsWith('|')));
    }

    [Fact]
    public async Task Eval_with_folds_scores_every_work_with_a_model_that_never_saw_it()
    {
        var result = await Nlmg.RunAsync("spoilers", "eval", Corpus, "--folds", "5");

        Assert.True(result.ExitCode == 0, result.ToString());
        var aucs = result.OutLines.Skip(2).TakeWhile(l => l.StartsWith('|')).Select(l => double.Parse(l.Split('|')[4], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(5, aucs.Length);
        Assert.All(aucs, auc => Assert.InRange(auc, 0.5, 0.999));
    }

    [Fact]
    public async Task A_bad_line_is_an_error_naming_the_file_and_line()
    {
        var input = Path.Combine(_folder, "bad.jsonl");
        await File.WriteAllLinesAsync(input, ["""{"id": "a", "work_id": "w", "text": "t", "label": "none"}""", """{"id": "b", "text": "t", "label": 1}"""]);

        var result = await Nlmg.RunAsync("spoilers", "train", input, "--out", Path.Combine(_folder, "x.model"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {input}:2: missing \"work_id\"", result.Error.Trim());
    }
}
