namespace NeverLetMeGo.Core.Spoilers.Scoring;

/// <summary>
/// A read-only map from word hashes to values in two flat arrays (open addressing, linear probing, at most half full):
/// one or two cache lines per lookup and no comparer calls, for the per-word lookups of the tagging path.
/// </summary>
internal sealed class HashMap<T>
    where T : struct
{
    private readonly uint[] _keys;
    private readonly T[] _values;
    private readonly bool[] _used;
    private readonly int _mask;

    public HashMap(IEnumerable<KeyValuePair<uint, T>> pairs, int count)
    {
        var capacity = 16;
        while (capacity < count * 2)
            capacity <<= 1;
        _keys = new uint[capacity];
        _values = new T[capacity];
        _used = new bool[capacity];
        _mask = capacity - 1;
        foreach (var (key, value) in pairs)
        {
            var i = Slot(key);
            while (_used[i] && _keys[i] != key)
                i = (i + 1) & _mask;
            if (!_used[i])
                Count++;
            _keys[i] = key;
            _values[i] = value;
            _used[i] = true;
        }
    }

    public int Count { get; }

    /// <summary>Every key with its value, in no particular order.</summary>
    public IEnumerable<KeyValuePair<uint, T>> Entries()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_used[i])
                yield return KeyValuePair.Create(_keys[i], _values[i]);
        }
    }

    public bool TryGet(uint key, out T value)
    {
        var i = Slot(key);
        while (_used[i])
        {
            if (_keys[i] == key)
            {
                value = _values[i];
                return true;
            }

            i = (i + 1) & _mask;
        }

        value = default;
        return false;
    }

    // The hashes are FNV-1a already; a multiply spreads their low bits over the table.
    private int Slot(uint key) => (int)((key * 0x9E3779B1u) >> 7) & _mask;
}
