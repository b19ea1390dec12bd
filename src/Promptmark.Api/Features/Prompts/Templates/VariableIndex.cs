using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Promptmark.Api.Features.Prompts.Templates;

/// <summary>
/// The variable index of each name, and of each token text seen clean (a template repeats its slots: "{{product}}"
/// written again is that variable without parsing it again). One table holds both: a token text that is a valid
/// name is the bare token of that very name, so both keys can only ever mean the same variable.
/// </summary>
/// <remarks>
/// A key is where its text sits in the content, so no string is made for it, and the table lives in memory the
/// scanner lends for one parse (a Dictionary cost about 1.8 KB of allocations per parse of the bench's template as it
/// grew). Keys are first hashed by their length and three of their characters, which tells a template's tokens apart
/// at a fraction of the cost of reading them whole (hashing every key with XxHash3 made a parse of the bench's
/// template about 10% slower). Content written to make those collide makes the table switch, for the rest of the
/// parse, to XxHash3 under a seed drawn at start-up, as Dictionary does with its string keys.
/// </remarks>
internal ref struct VariableIndex
{
    // A lookup that tries more keys than this switches the table to the seeded hash.
    private const int MaxProbes = 8;
    private static readonly long Seed = Random.Shared.NextInt64();

    private readonly ReadOnlySpan<char> _content;
    private readonly Span<Key> _keys;
    // Open addressing, at most half full; 0 is an empty bucket, any other value is a key's number plus one.
    private readonly Span<int> _buckets;
    private int _keyCount;
    private bool _seeded;

    /// <param name="keys">Room for every key that will be added.</param>
    /// <param name="buckets">Zeroed; a power of two at least twice the number of keys.</param>
    public VariableIndex(ReadOnlySpan<char> content, Span<Key> keys, Span<int> buckets)
    {
        _content = content;
        _keys = keys;
        _buckets = buckets;
    }

    /// <summary>The buckets a table of <paramref name="maxKeys"/> keys needs.</summary>
    public static int BucketsFor(int maxKeys) => (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2 * maxKeys, 2));

    public bool TryGet(ReadOnlySpan<char> text, out int variable)
    {
        var mask = _buckets.Length - 1;
        var probes = 0;
        for (var bucket = Hash(text) & mask; _buckets[bucket] != 0; bucket = (bucket + 1) & mask)
        {
            var key = _keys[_buckets[bucket] - 1];
            if (_content.Slice(key.Start, key.Length).SequenceEqual(text))
            {
                variable = key.Variable;
                return true;
            }
            if (++probes == MaxProbes && !_seeded)
            {
                Reseed();
                return TryGet(text, out variable);
            }
        }
        variable = -1;
        return false;
    }

    /// <summary>Adds the text at <paramref name="start"/> in the content, which must not be a key already.</summary>
    public void Add(int start, int length, int variable)
    {
        _keys[_keyCount] = new Key(start, length, variable);
        Place(_keyCount++);
    }

    private void Place(int number)
    {
        var key = _keys[number];
        var mask = _buckets.Length - 1;
        var probes = 0;
        var bucket = Hash(_content.Slice(key.Start, key.Length)) & mask;
        while (_buckets[bucket] != 0)
        {
            if (++probes == MaxProbes && !_seeded)
            {
                Reseed();
                return;
            }
            bucket = (bucket + 1) & mask;
        }
        _buckets[bucket] = number + 1;
    }

    private void Reseed()
    {
        _seeded = true;
        _buckets.Clear();
        for (var number = 0; number < _keyCount; number++)
            Place(number);
    }

    private readonly int Hash(ReadOnlySpan<char> text)
    {
        if (_seeded)
            return (int)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text), Seed);
        if (text.IsEmpty)
            return 0;
        var packed = (ulong)text.Length << 48 | (ulong)text[0] << 32 | (ulong)text[text.Length / 2] << 16 | text[^1];
        return (int)((packed * 0x9E3779B97F4A7C15) >> 32);
    }

    internal readonly record struct Key(int Start, int Length, int Variable);
}
