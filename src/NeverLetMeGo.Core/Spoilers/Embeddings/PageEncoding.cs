using NeverLetMeGo.Core.Extraction;
using NeverLetMeGo.Core.Spoilers.Scoring;

namespace NeverLetMeGo.Core.Spoilers.Embeddings;

/// <summary>
/// Encodes, in one call, every sentence of a page that tagging will ask the encoder for: the article and then each comment
/// until the page's budget is spent, as <see cref="ReviewPipeline.Tag"/> reads them. The tagger reads one text at a time
/// (a comment is often one or two sentences), which would run the encoder on batches of one; read together the page's
/// sentences batch by length, and tagging then finds each vector in the cache. Vectors do not depend on their batch, so
/// this changes how fast a page is tagged, never how.
/// </summary>
internal static class PageEncoding
{
    public static void Prefetch(ExtractedText article, IEnumerable<ExtractedText> comments, int budget)
    {
        if (SpoilerModel.Shipped is null || MeaningReader.Shipped is not { } meaning)
            return;
        var sentences = new List<string>();
        var counted = Add(article, sentences, budget);
        foreach (var comment in comments)
        {
            if (counted >= budget)
                break;
            counted += Add(comment, sentences, budget);
        }

        meaning.Encoder.Encode(sentences);
    }

    // The sentences the tagger's context gives the encoder for one text (at most the budget of them; see
    // ContentModelSignal), and how many sentences the text has, which is what the page's budget counts.
    private static int Add(ExtractedText text, List<string> sentences, int budget)
    {
        var count = 0;
        foreach (var block in InlineSpoilerMarkup.Apply(text).Blocks)
        {
            foreach (var span in TaggingContext.Split(block.Text))
            {
                if (count++ < budget)
                    sentences.Add(block.Text[span.Start..span.End]);
            }
        }

        return count;
    }
}
