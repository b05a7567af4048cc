namespace NeverLetMeGo.Core.Spoilers.Scoring;

/// <summary>
/// Turns one sentence into a sparse feature vector: hashed word unigrams and bigrams plus hand-made features (narration,
/// plot verbs, ending words, events between characters, habits, production talk, dialogue, names, position, distance from
/// a warning, the work's own vocabulary and its characters). Training and serving both call this one method, so they
/// cannot drift. Allocation-free; not thread-safe: one instance per thread (<see cref="ForThread"/>).
/// </summary>
internal sealed class Featurizer
{
    public const int HashBits = 16;
    public const int HashSize = 1 << HashBits;
    public const int HandCount = 32;
    public const int Dimension = HashSize + HandCount;
    private const int MaxWords = 128;
    // N-gram values shrink as 1/√words past about six words, so a long sentence does not outvote a short one by having
    // more n-grams; chosen on the measurement set (2–4 all helped both sources).
    private const float NgramScale = 2.5f;

    [ThreadStatic]
    private static Featurizer? _forThread;

    private readonly uint[] _hashes = new uint[MaxWords];
    private readonly uint[] _stems = new uint[MaxWords];
    private readonly int[] _starts = new int[MaxWords];
    private readonly bool[] _capitalised = new bool[MaxWords];
    private readonly WordClass[] _classes = new WordClass[MaxWords];
    private readonly float[] _hand = new float[HandCount];

    public static Featurizer ForThread => _forThread ??= new Featurizer();

    public int[] Indices { get; } = new int[MaxWords * 2 + HandCount];
    public float[] Values { get; } = new float[MaxWords * 2 + HandCount];
    public int Count { get; private set; }

    public void Featurize(string text, int start, int end, SentenceContext context, WorkVocabulary? vocabulary)
    {
        var n = Tokens.Scan(text, start, end, _hashes, _starts, _capitalised, _stems);
        Count = 0;
        var previous = 0u;
        int narration = 0, plot = 0, ending = 0, premise = 0, opinion = 0, names = 0, first = 0, third = 0, sequence = 0;
        int workNames = 0, workStrong = 0, content = 0, events = 0, habits = 0, production = 0, late = 0;
        float workMax = 0, workSum = 0;
        var unit = MathF.Min(1f, NgramScale / MathF.Sqrt(MathF.Max(n, 1)));
        for (var i = 0; i < n; i++)
        {
            var h = _hashes[i];
            // Unigrams by stem ("kills", "killed" and "killing" learn together); bigrams and the word lists by the word.
            Add((int)(_stems[i] & (HashSize - 1)), unit);
            if (i > 0)
                Add((int)(Tokens.Pair(previous, h) & (HashSize - 1)), unit);
            previous = h;

            var word = _classes[i] = Lexicon.Of(h);
            if ((word & WordClass.PlotVerb) != 0)
            {
                plot++;
                if (i > 0 && ((_classes[i - 1] & WordClass.Narrator) != 0 || _capitalised[i - 1] && i > 1))
                    narration++;
            }

            if ((word & WordClass.Ending) != 0)
                ending++;
            if ((word & WordClass.Premise) != 0)
                premise++;
            if ((word & WordClass.Opinion) != 0)
                opinion++;
            if ((word & WordClass.Narrator) != 0)
                third++;
            if ((word & WordClass.FirstPerson) != 0)
                first++;
            if ((word & WordClass.Sequence) != 0)
                sequence++;
            if ((word & WordClass.Event) != 0)
                events++;
            if ((word & WordClass.Habit) != 0)
                habits++;
            if ((word & WordClass.Production) != 0)
                production++;
            // "the second season", "season 3": a later part of a long story, where its reveals are.
            if (i > 0 && IsLaterPart(_classes[i - 1], word))
                late++;
            if ((word & WordClass.Stop) != 0)
                continue;

            content++;
            if (_capitalised[i] && i > 0)
                names++;
            if (vocabulary is null)
                continue;
            var (w, name) = vocabulary.Lookup(h);
            if (w > 0)
            {
                workSum += w;
                if (w > 0.3f)
                    workStrong++;
                workMax = MathF.Max(workMax, w);
            }

            if (name)
                workNames++;
        }

        var hand = _hand;
        hand[0] = 1f;
        hand[1] = Saturate(narration, 2);
        hand[2] = Saturate(plot, 3);
        hand[3] = Saturate(ending, 3);
        hand[4] = Saturate(premise, 4);
        hand[5] = Saturate(opinion, 4);
        hand[6] = HasDialogue(text, start, end) ? 1f : 0f;
        hand[7] = Saturate(names, 4);
        hand[8] = context.Position is { } p ? (float)p : 0f;
        hand[9] = context.Position is null ? 1f : 0f;
        hand[10] = context.SinceWarning is null ? 0f : 1f;
        hand[11] = context.SinceWarning is { } d ? 1f / (1 + d) : 0f;
        hand[12] = context.SpoilerFreeBefore ? 1f : 0f;
        hand[13] = MathF.Min(workMax, 2f) / 2f;
        hand[14] = content == 0 ? 0f : MathF.Min(workSum / content, 1f);
        hand[15] = Saturate(workStrong, 3);
        // No length feature: our corpus's sentence lengths are not the wild's, and each one tried made held-out data worse.
        hand[16] = opinion == 0 && plot > 0 ? 1f : 0f;
        hand[17] = names > 0 && plot > 0 ? 1f : 0f;
        hand[18] = vocabulary is null ? 1f : 0f;
        hand[19] = Saturate(workNames, 3);
        hand[20] = workNames > 0 && plot > 0 ? 1f : 0f;
        hand[21] = Saturate(third, 3);
        hand[22] = Saturate(first, 3);
        hand[23] = first == 0 && opinion == 0 ? 1f : 0f;
        hand[24] = Saturate(sequence, 2);
        hand[25] = workNames > 0 && first == 0 ? 1f : 0f;
        hand[26] = Saturate(events, 3);
        hand[27] = Saturate(habits, 2);
        hand[28] = Saturate(production, 2);
        hand[29] = events > 0 && (names > 0 || third > 0) ? 1f : 0f;
        hand[30] = content == 0 ? 0f : workNames / (float)content;
        hand[31] = late > 0 ? 1f : 0f;
        for (var k = 0; k < HandCount; k++)
        {
            if (hand[k] != 0f)
                Add(HashSize + k, hand[k]);
        }
    }

    private void Add(int index, float value)
    {
        Indices[Count] = index;
        Values[Count] = value;
        Count++;
    }

    private static float Saturate(int count, int cap) => MathF.Min(count, cap) / cap;

    private static bool IsLaterPart(WordClass before, WordClass word) =>
        (before & WordClass.Later) != 0 && (word & WordClass.Part) != 0 || (before & WordClass.Part) != 0 && (word & WordClass.Later) != 0;

    // A quotation long enough to be a line of dialogue, not a scare-quoted word; a sentence that opens a quotation the next
    // one closes (or closes one the last opened) is part of a line of dialogue too.
    private static bool HasDialogue(string text, int start, int end)
    {
        var open = -1;
        var closedAny = false;
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
                closedAny = true;
            }
            else if (c is '”' && !closedAny && i - start > 20)
            {
                return true;
            }
        }

        return open >= 0 && end - open > 20;
    }
}
