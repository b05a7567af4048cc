using System.Buffers.Binary;
using NeverLetMeGo.Core.Text;

namespace NeverLetMeGo.Core.Spoilers.Scoring;

/// <summary>
/// A work's own vocabulary (Wan et al., ACL 2019, "DF-IIF"): words frequent in the sentences written about this work and
/// rare across works, such as character names, places and the story's coinages. Weight = df × iif, where df is the share of
/// the work's sentences that use the word (at least two) and iif = ln((1 + W) / (1 + W_t)) over W works.
/// </summary>
public sealed class WorkVocabulary
{
    private readonly HashMap<WorkWord> _words;

    internal WorkVocabulary(Dictionary<uint, WorkWord> words) => _words = new HashMap<WorkWord>(words, words.Count);

    public static WorkVocabulary Empty { get; } = new([]);

    public int Count => _words.Count;

    /// <summary>The word's weight (0 when it is not part of the work's vocabulary) and whether it is one of the work's names.</summary>
    internal WorkWord Lookup(uint hash) => _words.TryGet(hash, out var w) ? w : default;

    /// <summary>The weight of <paramref name="word"/> (0 when it is not part of the work's vocabulary).</summary>
    public float WeightOf(string word) => Lookup(Tokens.Hash(word)).Weight;

    /// <summary>Whether <paramref name="word"/> reads as a name in the work's texts: capitalised inside sentences, never lower case.</summary>
    public bool IsNameOf(string word) => Lookup(Tokens.Hash(word)).Name;

    /// <summary>
    /// The vocabulary as bytes, to keep with the work (a built vocabulary is reused until the work grows): per word, in
    /// hash order, its hash, weight and name flag, little-endian, 9 bytes.
    /// </summary>
    public byte[] ToBytes()
    {
        var entries = _words.Entries().OrderBy(e => e.Key).ToArray();
        var bytes = new byte[entries.Length * EntryBytes];
        for (var i = 0; i < entries.Length; i++)
        {
            var at = bytes.AsSpan(i * EntryBytes, EntryBytes);
            BinaryPrimitives.WriteUInt32LittleEndian(at, entries[i].Key);
            BinaryPrimitives.WriteSingleLittleEndian(at[4..], entries[i].Value.Weight);
            at[8] = entries[i].Value.Name ? (byte)1 : (byte)0;
        }

        return bytes;
    }

    /// <summary>The vocabulary <see cref="ToBytes"/> wrote.</summary>
    /// <exception cref="FormatException">The bytes are not a whole number of entries.</exception>
    public static WorkVocabulary FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % EntryBytes != 0)
            throw new FormatException($"A stored vocabulary is {EntryBytes} bytes per word; got {bytes.Length} bytes.");
        var words = new Dictionary<uint, WorkWord>(bytes.Length / EntryBytes);
        for (var at = 0; at < bytes.Length; at += EntryBytes)
        {
            var entry = bytes.Slice(at, EntryBytes);
            words[BinaryPrimitives.ReadUInt32LittleEndian(entry)] = new WorkWord(BinaryPrimitives.ReadSingleLittleEndian(entry[4..]), entry[8] != 0);
        }

        return new WorkVocabulary(words);
    }

    private const int EntryBytes = 9;
}

/// <summary>What a work's texts say of one word: its DF-IIF weight, and whether it is a name (a character, a place).</summary>
internal readonly record struct WorkWord(float Weight, bool Name);

/// <summary>Counts which works use which words, then builds each work's <see cref="WorkVocabulary"/> against all of them.</summary>
public sealed class WorkVocabularyBuilder
{
    private readonly Dictionary<uint, int> _worksUsing = [];
    private readonly Dictionary<string, (Dictionary<uint, int> Docs, Dictionary<uint, int> Capitalised, int Sentences)> _works = new(StringComparer.Ordinal);
    private readonly int _backgroundWorks;

    /// <summary>Starts from background counts (the training corpus's works, shipped in the model) or from nothing.</summary>
    public WorkVocabularyBuilder(BackgroundCounts? background = null)
    {
        if (background is null)
            return;
        _backgroundWorks = background.Works;
        foreach (var (hash, count) in background.WorksUsing)
            _worksUsing[hash] = count;
    }

    public int Works => _backgroundWorks + _works.Count;

    /// <summary>Adds one work's texts (reviews, paragraphs or sentences; each is split into sentences).</summary>
    public void AddWork(string key, IEnumerable<string> texts)
    {
        if (_works.ContainsKey(key))
            throw new ArgumentException($"work {key} added twice", nameof(key));
        var docs = new Dictionary<uint, int>();
        // Sentences that use a word capitalised inside them; -1 once the work's texts use it in lower case.
        var capitalised = new Dictionary<uint, int>();
        var sentences = 0;
        var seen = new HashSet<uint>();
        Span<uint> hashes = stackalloc uint[256];
        Span<int> starts = stackalloc int[256];
        Span<bool> caps = stackalloc bool[256];
        foreach (var text in texts)
        {
            foreach (var span in SentenceSplitter.Split(text))
            {
                sentences++;
                seen.Clear();
                var n = Tokens.Scan(text, span.Start, span.End, hashes, starts, caps);
                for (var i = 0; i < n; i++)
                {
                    var h = hashes[i];
                    if (Lexicon.Stop.Contains(h))
                        continue;
                    var first = seen.Add(h);
                    if (first)
                        docs[h] = docs.GetValueOrDefault(h) + 1;
                    if (i == 0 || char.IsDigit(text[starts[i]]))
                        continue;
                    var sofar = capitalised.GetValueOrDefault(h);
                    if (!caps[i])
                        capitalised[h] = -1;
                    else if (sofar >= 0 && first)
                        capitalised[h] = sofar + 1;
                }
            }
        }

        foreach (var hash in docs.Keys)
            _worksUsing[hash] = _worksUsing.GetValueOrDefault(hash) + 1;
        _works[key] = (docs, capitalised, sentences);
    }

    public WorkVocabulary Build(string key)
    {
        if (!_works.TryGetValue(key, out var work) || work.Sentences == 0)
            return WorkVocabulary.Empty;
        var words = new Dictionary<uint, WorkWord>();
        foreach (var (hash, docs) in work.Docs)
        {
            var iif = Math.Log((1.0 + Works) / (1.0 + _worksUsing.GetValueOrDefault(hash)));
            var weight = docs < 2 ? 0f : (float)(docs / (double)work.Sentences * iif);
            // A name: capitalised inside sentences of this work, never in lower case, and not a word most works use.
            var name = work.Capitalised.GetValueOrDefault(hash) >= 1 && _worksUsing.GetValueOrDefault(hash) * 5 <= Works;
            if (weight > 0.01f || name)
                words[hash] = new WorkWord(weight > 0.01f ? weight : 0f, name);
        }

        return new WorkVocabulary(words);
    }

    /// <summary>The counts to ship as background: how many works use each word, in hash order so the file is reproducible.</summary>
    public BackgroundCounts ToBackground() =>
        new(Works, _worksUsing.Where(p => p.Value >= 1).OrderBy(p => p.Key).Select(p => (p.Key, p.Value)).ToArray());
}

/// <summary>How many works (<see cref="Works"/>) a corpus holds and how many of them use each word hash.</summary>
public sealed record BackgroundCounts(int Works, IReadOnlyList<(uint Hash, int Count)> WorksUsing);
