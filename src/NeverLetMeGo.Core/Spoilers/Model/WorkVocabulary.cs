using NeverLetMeGo.Core.Text;

namespace NeverLetMeGo.Core.Spoilers.Model;

/// <summary>
/// A work's own vocabulary (Wan et al., ACL 2019, "DF-IIF"): words frequent in the sentences written about this work and
/// rare across works, such as character names, places and the story's coinages. Weight = df × iif, where df is the share of
/// the work's sentences that use the word (at least two) and iif = ln((1 + W) / (1 + W_t)) over W works.
/// </summary>
public sealed class WorkVocabulary
{
    private readonly Dictionary<uint, float> _weights;

    internal WorkVocabulary(Dictionary<uint, float> weights) => _weights = weights;

    public static WorkVocabulary Empty { get; } = new([]);

    public int Count => _weights.Count;

    internal float? Weight(uint hash) => _weights.TryGetValue(hash, out var w) ? w : null;

    /// <summary>The weight of <paramref name="word"/> (0 when it is not part of the work's vocabulary).</summary>
    public float WeightOf(string word) => Weight(Tokens.Hash(word)) ?? 0f;
}

/// <summary>Counts which works use which words, then builds each work's <see cref="WorkVocabulary"/> against all of them.</summary>
public sealed class WorkVocabularyBuilder
{
    private readonly Dictionary<uint, int> _worksUsing = [];
    private readonly Dictionary<string, (Dictionary<uint, int> Docs, int Sentences)> _works = new(StringComparer.Ordinal);
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
                    if (!Lexicon.Stop.Contains(hashes[i]) && seen.Add(hashes[i]))
                        docs[hashes[i]] = docs.GetValueOrDefault(hashes[i]) + 1;
                }
            }
        }

        foreach (var hash in docs.Keys)
            _worksUsing[hash] = _worksUsing.GetValueOrDefault(hash) + 1;
        _works[key] = (docs, sentences);
    }

    public WorkVocabulary Build(string key)
    {
        if (!_works.TryGetValue(key, out var work) || work.Sentences == 0)
            return WorkVocabulary.Empty;
        var weights = new Dictionary<uint, float>();
        foreach (var (hash, docs) in work.Docs)
        {
            if (docs < 2)
                continue;
            var iif = Math.Log((1.0 + Works) / (1.0 + _worksUsing.GetValueOrDefault(hash)));
            var weight = (float)(docs / (double)work.Sentences * iif);
            if (weight > 0.01f)
                weights[hash] = weight;
        }

        return new WorkVocabulary(weights);
    }

    /// <summary>The counts to ship as background: how many works use each word, in hash order so the file is reproducible.</summary>
    public BackgroundCounts ToBackground() =>
        new(Works, _worksUsing.Where(p => p.Value >= 1).OrderBy(p => p.Key).Select(p => (p.Key, p.Value)).ToArray());
}

/// <summary>How many works (<see cref="Works"/>) a corpus holds and how many of them use each word hash.</summary>
public sealed record BackgroundCounts(int Works, IReadOnlyList<(uint Hash, int Count)> WorksUsing);
