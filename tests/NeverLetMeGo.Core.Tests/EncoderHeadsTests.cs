using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Spoilers.Embeddings;
using NeverLetMeGo.Core.Spoilers.Scoring;
using NeverLetMeGo.Testing;

namespace NeverLetMeGo.Core.Tests;

public sealed class EncoderHeadsTests
{
    private static byte[] Bytes(EncoderHeads heads)
    {
        using var buffer = new MemoryStream();
        heads.Save(buffer);
        return buffer.ToArray();
    }

    [Fact]
    public void Retraining_from_the_shipped_corpus_reproduces_the_shipped_heads()
    {
        var corpus = File.ReadLines(Path.Combine(RepositoryRoot.Path, "spoilers", "corpus.jsonl"))
            .Where(l => l.Length > 0).Select(l => SentenceJsonl.Parse(l, labelled: true)).ToArray();
        var shipped = EncoderHeads.Shipped;

        var retrained = EncoderHeadTrainer.Train(SentenceEncoder.Shared, EncoderWeights.MiniLm, corpus);

        Assert.NotNull(shipped);
        Assert.Equal(shipped.Encoder, retrained.Encoder);
        Assert.Equal(shipped.Dimension, retrained.Dimension);
        // Bit for bit on one machine; ONNX Runtime's kernels differ by instruction set in the last bits of a vector, so
        // across machines the weights agree to far better than anything that could change a level.
        var drift = shipped.Spoiler.Zip(retrained.Spoiler).Concat(shipped.Major.Zip(retrained.Major)).Max(p => Math.Abs(p.First - p.Second));
        Assert.True(drift < 1e-3, $"retraining moved a weight by {drift}: run `nlmg spoilers train spoilers/corpus.jsonl --out src/NeverLetMeGo.Core/Spoilers/Scoring/spoilers.model`");
    }

    [Fact]
    public void Saved_heads_load_back_identical_and_a_foreign_file_is_refused()
    {
        var heads = EncoderHeads.Shipped!;
        using var buffer = new MemoryStream(Bytes(heads));
        using var foreign = new MemoryStream("NLMGSPM1 not heads"u8.ToArray());

        Assert.Equal(Bytes(heads), Bytes(EncoderHeads.Load(buffer)));
        Assert.Contains("header", Assert.Throws<InvalidDataException>(() => EncoderHeads.Load(foreign)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Heads_refuse_a_vector_of_another_size()
    {
        Assert.Throws<ArgumentException>(() => EncoderHeads.Shipped!.Score(new float[7]));
    }

    [Fact]
    public void The_fit_separates_what_can_be_separated_and_needs_both_classes()
    {
        float[][] rows = [[1, 0], [0.9f, 0.1f], [0, 1], [0.1f, 0.9f]];
        SpoilerLevel[] labels = [SpoilerLevel.Major, SpoilerLevel.Premise, SpoilerLevel.None, SpoilerLevel.None];

        var heads = EncoderHeadTrainer.Train("toy", rows, labels);

        Assert.True(heads.Score(rows[0]).SpoilerLogit > 0 && heads.Score(rows[2]).SpoilerLogit < 0);
        Assert.True(heads.Score(rows[0]).Major > heads.Score(rows[1]).Major);
        Assert.Throws<ArgumentException>(() => EncoderHeadTrainer.Train("toy", rows, [SpoilerLevel.None, SpoilerLevel.None, SpoilerLevel.None, SpoilerLevel.None]));
    }
}
