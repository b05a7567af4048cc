namespace NeverLetMeGo.Core.Spoilers.Model;

/// <summary>
/// Turns one sentence into a sparse feature vector: hashed word unigrams and bigrams plus hand-made features (narration,
/// plot verbs, ending words, dialogue, names, position, distance from a warning, the work's own vocabulary). Training and
/// serving both call this one method, so they cannot drift. Not thread-safe: one instance per thread.
/// </summary>
internal sealed class Featurizer
{
    public const int HashBits = 18;
    public const int HashSize = 1 << HashBits;
    public const int HandCount = 20;
    public const int Dimension = HashSize + HandCount;
    private const int MaxWords = 128;

    private readonly uint[] _hashes = new uint[MaxWords];
    private readonly int[] _starts = new int[MaxWords];
    private readonly bool[] _capitalised = new bool[MaxWords];

    public int[] Indices { get; } = new int[MaxWords * 2 + HandCount];
    public float[] Values { get; } = new float[MaxWords * 2 + HandCount];
    public int Count { get; private set; }

    /// <summary>The strongest work-vocabulary word of the last sentence (its start and length), for reasons; -1 when none.</summary>
    public (int Start, int Length) TopWorkWord { get; private set; }

    public void Featurize(string text, int start, int end, SentenceContext context, WorkVocabulary? vocabulary)
    {
        var n = Tokens.Scan(text, start, end, _hashes, _starts, _capitalised);
        Count = 0;
        var previous = 0u;
        var narration = 0;
        var plot = 0;
        var ending = 0;
        var premise = 0;
        var opinion = 0;
        var names = 0;
        float workMax = 0, workSum = 0;
        var workStrong = 0;
        var content = 0;
        TopWorkWord = (-1, 0);
        for (var i = 0; i < n; i++)
        {
            var h = _hashes[i];
            Add((int)(h & (HashSize - 1)), 1f);
            if (i > 0)
                Add((int)(Tokens.Pair(previous, h) & (HashSize - 1)), 1f);
            previous = h;

            var word = Lexicon.Of(h);
            if ((word & WordClass.PlotVerb) != 0)
            {
                plot++;
                if (i > 0 && ((Lexicon.Of(_hashes[i - 1]) & WordClass.Narrator) != 0 || _capitalised[i - 1] && i > 1))
                    narration++;
            }

            if ((word & WordClass.Ending) != 0)
                ending++;
            if ((word & WordClass.Premise) != 0)
                premise++;
            if ((word & WordClass.Opinion) != 0)
                opinion++;
            if ((word & WordClass.Stop) != 0)
                continue;

            content++;
            if (_capitalised[i] && i > 0)
                names++;
            if (vocabulary?.Weight(h) is { } w and > 0)
            {
                workSum += w;
                if (w > 0.3f)
                    workStrong++;
                if (w > workMax)
                {
                    workMax = w;
                    TopWorkWord = (_starts[i], WordLength(text, _starts[i], end));
                }
            }
        }

        var quoted = HasDialogue(text, start, end);
        AddHand(0, 1f);
        AddHand(1, Saturate(narration, 2));
        AddHand(2, Saturate(plot, 3));
        AddHand(3, Saturate(ending, 3));
        AddHand(4, Saturate(premise, 4));
        AddHand(5, Saturate(opinion, 4));
        AddHand(6, quoted ? 1f : 0f);
        AddHand(7, Saturate(names, 4));
        AddHand(8, context.Position is { } p ? (float)p : 0f);
        AddHand(9, context.Position is null ? 1f : 0f);
        AddHand(10, context.SinceWarning is null ? 0f : 1f);
        AddHand(11, context.SinceWarning is { } d ? 1f / (1 + d) : 0f);
        AddHand(12, context.SpoilerFreeBefore ? 1f : 0f);
        AddHand(13, MathF.Min(workMax, 2f) / 2f);
        AddHand(14, content == 0 ? 0f : MathF.Min(workSum / content, 1f));
        AddHand(15, Saturate(workStrong, 3));
        AddHand(16, Saturate(n, 30));
        AddHand(17, opinion == 0 && plot > 0 ? 1f : 0f);
        AddHand(18, names > 0 && plot > 0 ? 1f : 0f);
        AddHand(19, vocabulary is null ? 1f : 0f);
    }

    private void Add(int index, float value)
    {
        Indices[Count] = index;
        Values[Count] = value;
        Count++;
    }

    private void AddHand(int k, float value)
    {
        if (value != 0f)
            Add(HashSize + k, value);
    }

    private static float Saturate(int count, int cap) => MathF.Min(count, cap) / cap;

    private static int WordLength(string text, int start, int end)
    {
        var i = start;
        while (i < end && (Tokens.IsWordChar(text[i]) || Tokens.IsApostrophe(text[i]) && i + 1 < end && Tokens.IsWordChar(text[i + 1])))
            i++;
        return i - start;
    }

    // A quotation long enough to be a line of dialogue, not a scare-quoted word.
    private static bool HasDialogue(string text, int start, int end)
    {
        var open = -1;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is '“' || c == '"' && open < 0)
            {
                open = i;
            }
            else if ((c is '”' || c == '"') && open >= 0)
            {
                if (i - open > 20)
                    return true;
                open = -1;
            }
        }

        return false;
    }
}
