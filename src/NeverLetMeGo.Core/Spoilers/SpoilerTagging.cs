using NeverLetMeGo.Core.Extraction;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>Tags plain paragraphs (no page around them) with the default tagger: for tools and benchmarks.</summary>
public static class SpoilerTagging
{
    public static IReadOnlyList<Block> TagParagraphs(IReadOnlyList<string> paragraphs, WorkKnowledge? knowledge = null)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var text = new ExtractedText(paragraphs.Select(p => new SourceBlock(BlockKind.Paragraph, p)).ToArray(), null);
        return SpoilerTagger.Default.Tag(text, knowledge);
    }
}
