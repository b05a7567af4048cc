using NeverLetMeGo.Core.Extraction;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Spoilers.Scoring;
using NeverLetMeGo.Core.Text;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>The blocks of one text, where its read-more break falls, what is known of the work, and the votes cast so far.</summary>
internal sealed class TaggingContext
{
    private readonly List<SpoilerVote>?[] _votes;
    private readonly IReadOnlyList<TextSpan>?[] _sentences;
    private readonly SpoilerLevel[]?[] _sentenceLevels;

    private readonly double?[]?[] _chances;

    public TaggingContext(ExtractedText text, WorkKnowledge? knowledge = null, TextReading? outer = null)
    {
        Outer = outer;
        WarnedFromStart = text.WarnedFromStart;
        UnderOpenRegion = text.UnderOpenRegion;
        _chances = new double?[]?[text.Blocks.Count];
        Blocks = text.Blocks;
        JumpBreak = text.JumpBreak;
        Knowledge = knowledge ?? WorkKnowledge.None;
        _votes = new List<SpoilerVote>?[text.Blocks.Count];
        _sentences = new IReadOnlyList<TextSpan>?[text.Blocks.Count];
        _sentenceLevels = new SpoilerLevel[]?[text.Blocks.Count];
    }

    public IReadOnlyList<SourceBlock> Blocks { get; }

    /// <summary>Index of the first block after a read-more break, if the page has one.</summary>
    public int? JumpBreak { get; }

    public WorkKnowledge Knowledge { get; }

    /// <summary>The page warned about the whole text before its first block (in its title), at this level.</summary>
    public SpoilerLevel? WarnedFromStart { get; }

    /// <summary>The text is a comment below an article whose warned region stays open, at this level.</summary>
    public SpoilerLevel? UnderOpenRegion { get; }

    /// <summary>
    /// The warned region open before the first block: the title's, or else the article's carried into a comment below it
    /// (<c>Inherited</c>: such a region covers only a comment's longer blocks, <see cref="AuthorWarningSignal.Covers"/>).
    /// </summary>
    public (SpoilerLevel? Level, bool Inherited) RegionAtStart =>
        WarnedFromStart is { } title ? (title, false) : (UnderOpenRegion, UnderOpenRegion is not null);

    /// <summary>The author's warned region still open at the text's end, once <see cref="AuthorWarningSignal"/> ran.</summary>
    public SpoilerLevel? OpenRegion { get; set; }

    /// <summary>What tagging the text this one answers (a comment's article) learned, when there is one.</summary>
    public TextReading? Outer { get; }

    /// <summary>Stems of the rare words this text's hidden sentences used, once <see cref="RevealedTermSignal"/> ran.</summary>
    public IReadOnlySet<string>? Revealed { get; set; }

    /// <summary>Stems of the rare words any of this text's revealing sentences used, once <see cref="RevealedTermSignal"/> ran.</summary>
    public IReadOnlySet<string>? Revealing { get; set; }


    /// <summary>The model's chance that the sentence gives story away, read alone (null before the model ran).</summary>
    public double? ChanceOf(int block, int sentence) => _chances[block]?[sentence];

    public void SetChance(int block, int sentence, double chance) =>
        (_chances[block] ??= new double?[SentencesOf(block).Count])[sentence] = chance;

    /// <summary>
    /// The model read every sentence of the block alone below <see cref="ScoreBlend.ConfidentlyClean"/>: it is confident the
    /// block reveals nothing, and votes that yield to it are dropped.
    /// </summary>
    public bool IsConfidentlyClean(int index) =>
        _chances[index] is { Length: > 0 } chances && Array.TrueForAll(chances, c => c < ScoreBlend.ConfidentlyClean);

    public void Add(int index, SpoilerVote vote) => (_votes[index] ??= []).Add(vote);

    public IReadOnlyList<SpoilerVote> VotesFor(int index) => _votes[index] ?? (IReadOnlyList<SpoilerVote>)[];

    /// <summary>The block's sentences, split once and shared by every signal; a warning's payload is a sentence of its own.</summary>
    public IReadOnlyList<TextSpan> SentencesOf(int index) => _sentences[index] ??= Split(Blocks[index].Text);

    /// <summary>How the tagger splits a block's text into the sentences it reads (also what the page's encoding batch reads).</summary>
    public static IReadOnlyList<TextSpan> Split(string text) => WarningSentences.Split(text, SentenceSplitter.Split(text));

    /// <summary>Raises one sentence's level (signals that read sentences, not whole blocks).</summary>
    public void RaiseSentence(int block, int sentence, SpoilerLevel level)
    {
        var levels = _sentenceLevels[block] ??= new SpoilerLevel[SentencesOf(block).Count];
        if (level > levels[sentence])
            levels[sentence] = level;
    }

    public SpoilerLevel SentenceLevel(int block, int sentence) => _sentenceLevels[block]?[sentence] ?? SpoilerLevel.None;
}
