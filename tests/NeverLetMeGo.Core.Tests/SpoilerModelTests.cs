using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Spoilers.Scoring;
using NeverLetMeGo.Testing;

namespace NeverLetMeGo.Core.Tests;

public sealed class SpoilerModelTests
{
    private static string CorpusPath => Path.Combine(RepositoryRoot.Path, "spoilers", "corpus.jsonl");

    private static LabelledSentence[] Corpus() =>
        File.ReadLines(CorpusPath).Where(l => l.Length > 0).Select(l => SentenceJsonl.Parse(l, labelled: true)).ToArray();

    private static byte[] Bytes(SpoilerModel model)
    {
        using var buffer = new MemoryStream();
        model.Save(buffer);
        return buffer.ToArray();
    }

    [Fact]
    public void Retraining_from_the_shipped_corpus_reproduces_the_shipped_model_bit_for_bit()
    {
        var shipped = File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "src", "NeverLetMeGo.Core", "Spoilers", "Scoring", "spoilers.model"));

        var retrained = Bytes(SpoilerTrainer.Train(Corpus()));

        Assert.NotNull(SpoilerModel.Shipped);
        Assert.Equal(shipped, Bytes(SpoilerModel.Shipped));
        Assert.True(shipped.AsSpan().SequenceEqual(retrained), "retraining gave a different model: run `nlmg spoilers train spoilers/corpus.jsonl --out src/NeverLetMeGo.Core/Spoilers/Scoring/spoilers.model`");
    }

    [Fact]
    public void The_corpus_has_many_works_and_all_three_levels()
    {
        var corpus = Corpus();

        Assert.True(corpus.Select(s => s.Sentence.WorkId).Distinct().Count() >= 600);
        Assert.True(corpus.Length >= 10_000);
        Assert.All(Enum.GetValues<SpoilerLevel>(), level => Assert.Contains(corpus, s => s.Label == level));
    }

    [Fact]
    public void A_saved_model_loads_back_identical()
    {
        var model = SpoilerModel.Shipped!;
        using var buffer = new MemoryStream(Bytes(model));

        Assert.Equal(Bytes(model), Bytes(SpoilerModel.Load(buffer)));
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused_with_a_reason()
    {
        using var buffer = new MemoryStream("not a model at all"u8.ToArray());

        var error = Assert.Throws<InvalidDataException>(() => SpoilerModel.Load(buffer));
        Assert.Contains("header", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("In the end Ruth dies on the operating table and Tommy is killed by his fourth donation.", SpoilerLevel.Major)]
    [InlineData("It turns out the detective was the killer all along.", SpoilerLevel.Major)]
    [InlineData("I loved the cinematography and the score is gorgeous.", SpoilerLevel.None)]
    [InlineData("Three stars, worth watching on a rainy Sunday.", SpoilerLevel.None)]
    [InlineData("The acting is superb and the pacing never drags.", SpoilerLevel.None)]
    public void The_shipped_model_reads_plain_sentences(string text, SpoilerLevel expected)
    {
        var score = SpoilerScorer.Score(SpoilerModel.Shipped!, [new SentenceInput("1", "w", null, text)]).Single();

        Assert.Equal(expected, score.Level);
    }

    [Fact]
    public void Context_raises_a_sentence_beside_a_spoiler_and_never_lowers_one()
    {
        var read = ScoreBlend.InContext([0.1, 0.9, 0.1, 0.1]);

        Assert.Equal(0.9, read[1]);
        Assert.True(read[0] > 0.1 && read[2] > 0.1, "the neighbours of the spoiler lean towards it");
        Assert.Equal(0.1, read[3], 6);
        Assert.Equal(0.8, ScoreBlend.InContext([0.8, 0.05, 0.05])[0]);
        Assert.Equal(0.3, ScoreBlend.InContext([0.3])[0]);
    }

    [Theory]
    [InlineData("Ruth kills", "Ruth killed")]
    [InlineData("killing", "kill")]
    [InlineData("reveals", "reveal")]
    public void Inflections_share_a_stem(string a, string b)
    {
        Assert.Equal(Stems(a)[^1], Stems(b)[^1]);
    }

    [Theory]
    [InlineData("glass")]
    [InlineData("is")]
    [InlineData("red")]
    [InlineData("king")]
    public void Short_words_and_double_s_keep_their_own_hash(string word) => Assert.Equal(Tokens.Hash(word), Stems(word)[0]);

    private static uint[] Stems(string text)
    {
        var stems = new uint[8];
        var n = Tokens.Scan(text, 0, text.Length, new uint[8], new int[8], new bool[8], stems);
        return stems[..n];
    }

    [Fact]
    public void Metrics_of_a_perfect_ranking_and_of_ties()
    {
        var perfect = SpoilerMetrics.Compute([(0.9, true), (0.8, true), (0.2, false), (0.1, false)]);
        var ties = SpoilerMetrics.Compute([(0.5, true), (0.5, false), (0.5, true), (0.5, false)]);

        Assert.Equal((1.0, 1.0, 1.0), (perfect.RocAuc, perfect.AveragePrecision, perfect.BestF1.F1));
        Assert.Equal(0.8, perfect.BestF1.Threshold);
        Assert.Equal(0.5, ties.RocAuc);
        Assert.Equal(1.0, ties.AtRecall90.Recall);
    }

    [Theory]
    [InlineData("{\"id\": \"a\", \"work_id\": \"w\", \"text\": \"t\", \"label\": 2}", "label 2")]
    [InlineData("{\"id\": \"a\", \"text\": \"t\", \"label\": 0}", "work_id")]
    [InlineData("{\"id\": \"a\", \"work_id\": \"w\", \"text\": \"t\", \"label\": \"twist\"}", "twist")]
    [InlineData("[1, 2]", "object")]
    [InlineData("{oops", "not JSON")]
    public void Bad_sentence_lines_are_refused_with_a_reason(string line, string reason)
    {
        var error = Assert.Throws<FormatException>(() => SentenceJsonl.Parse(line, labelled: true));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
