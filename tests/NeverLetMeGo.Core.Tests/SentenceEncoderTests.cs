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
    public void A_sentence_encodes_the_same_alone_in_a_batch_and_from_the_cache()
    {
        const string sentence = "Ruth confesses that she kept Kathy and Tommy apart.";
        var alone = SentenceEncoder.Shared.Encode([sentence])[0];
        var batched = SentenceEncoder.Shared.Encode(["A short one.", sentence, "A much longer sentence that pads the batch with a good many more tokens than the others."])[1];
        var again = SentenceEncoder.Shared.Encode([sentence])[0];

        Assert.True(Cosine(alone, batched) > 0.9999);
        Assert.Same(alone, again);
    }

    [Fact]
    public void An_encoder_that_cannot_load_says_which_and_why()
    {
        var broken = new EncoderWeights("broken-model", () => new MemoryStream("not onnx"u8.ToArray()), () => new MemoryStream("[PAD]\n[UNK]\n[CLS]\n[SEP]\n"u8.ToArray()));

        var error = Assert.Throws<EncoderUnavailableException>(() => SentenceEncoder.Load(broken));

        Assert.Contains("broken-model", error.Message, StringComparison.Ordinal);
    }
}
