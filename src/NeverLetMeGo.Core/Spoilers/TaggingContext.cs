using NeverLetMeGo.Core.Extraction;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>The blocks of one text, where its read-more break falls, and the votes cast so far.</summary>
internal sealed class TaggingContext
{
    private readonly List<SpoilerVote>?[] _votes;

    public TaggingContext(ExtractedText text)
    {
        Blocks = text.Blocks;
        JumpBreak = text.JumpBreak;
        _votes = new List<SpoilerVote>?[text.Blocks.Count];
    }

    public IReadOnlyList<SourceBlock> Blocks { get; }

    /// <summary>Index of the first block after a read-more break, if the page has one.</summary>
    public int? JumpBreak { get; }

    public void Add(int index, SpoilerVote vote) => (_votes[index] ??= []).Add(vote);

    public IReadOnlyList<SpoilerVote> VotesFor(int index) => _votes[index] ?? (IReadOnlyList<SpoilerVote>)[];
}
