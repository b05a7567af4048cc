using NeverLetMeGo.Core.Spoilers.Embeddings;

namespace NeverLetMeGo.Core.Tests;

public sealed class SentenceEncoderTests
{
    private static double Cosine(float[] a, float[] b) => a.Zip(b).Sum(p => (double)p.First * p.Second);

    [Fact]
    public void Vectors_are_unit_length_and_place_similar_meanings_close()
    {
        var v = SentenceEncoder.Shared.Encode(["The detective turns out to be the killer.", "It is revealed that the investigator committed the murders.", "The soundtrack is lovely."]);

        Assert.All(v, x => Assert.Equal(1.0, Math.Sqrt(x.Sum(f => (double)f * f)), 3));
        Assert.True(Cosine(v[0], v[1]) > Cosine(v[0], v[2]) + 0.2);
    }

    [Fact]
    public void Typographic_quotes_and_accents_read_like_their_plain_forms()
    {
        var v = SentenceEncoder.Shared.Encode(["It’s a naïve, café-style story.", "It's a naive, cafe-style story."]);

        Assert.True(Cosine(v[0], v[1]) > 0.95, $"cosine {Cosine(v[0], v[1])}");
    }

    [Fact]
    public void A_sentence_encodes_to_the_same_bits_alone_in_a_batch_and_from_the_cache()
    {
        // Fresh encoders, so neither call finds the sentence in a cache: the batch really runs it beside the others.
        const string sentence = "Ruth confesses that she kept Kathy and Tommy apart.";
        using var one = SentenceEncoder.Load(EncoderWeights.MiniLm);
        using var many = SentenceEncoder.Load(EncoderWeights.MiniLm);
        string[] batch =
        [
            "A short one.", "Another short one.", sentence, "It was fine.",
            "A much longer sentence that pads the batch with a good many more tokens than the others, and then some more words besides.",
        ];

        var alone = one.Encode([sentence])[0];
        var batched = many.Encode(batch);
        var again = one.Encode([sentence])[0];

        Assert.Equal(alone, batched[2]);
        Assert.Equal(one.Encode([batch[4]])[0], batched[4]);
        Assert.Same(alone, again);
    }

    [Fact]
    public void A_call_that_repeats_a_sentence_gets_one_vector_for_it()
    {
        using var encoder = SentenceEncoder.Load(EncoderWeights.MiniLm);

        var v = encoder.Encode(["The twist is told.", "Something else.", "The twist is told."]);

        Assert.Same(v[0], v[2]);
        Assert.NotSame(v[0], v[1]);
    }

    [Fact]
    public void An_encoder_that_cannot_load_says_which_and_why()
    {
        var broken = new EncoderWeights("broken-model", () => new MemoryStream("not onnx"u8.ToArray()), () => new MemoryStream("[PAD]\n[UNK]\n[CLS]\n[SEP]\n"u8.ToArray()));

        var error = Assert.Throws<EncoderUnavailableException>(() => SentenceEncoder.Load(broken));

        Assert.Contains("broken-model", error.Message, StringComparison.Ordinal);
    }
}
