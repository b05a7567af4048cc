using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace NeverLetMeGo.Core.Spoilers.Embeddings;

/// <summary>
/// Recently encoded sentences by a 128-bit hash of their text: re-scrapes, retags and quoted comments repeat sentences,
/// and encoding is the tagger's whole cost. Two generations: when the young one fills it becomes the old one and the
/// oldest entries go, so the cache stays bounded without tracking use per entry.
/// </summary>
internal sealed class EmbeddingCache(int capacity)
{
    private ConcurrentDictionary<UInt128, float[]> _young = new();
    private ConcurrentDictionary<UInt128, float[]> _old = new();
    private readonly Lock _turn = new();

    public static UInt128 Key(string text) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(text.AsSpan()));

    public bool TryGet(UInt128 key, out float[] embedding)
    {
        if (_young.TryGetValue(key, out embedding!))
            return true;
        if (!_old.TryGetValue(key, out embedding!))
            return false;
        Add(key, embedding);
        return true;
    }

    public void Add(UInt128 key, float[] embedding)
    {
        if (_young.Count >= capacity / 2)
        {
            lock (_turn)
            {
                if (_young.Count >= capacity / 2)
                {
                    _old = _young;
                    _young = new();
                }
            }
        }

        _young[key] = embedding;
    }
}
