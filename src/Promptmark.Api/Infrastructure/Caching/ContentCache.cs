using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Promptmark.Api.Infrastructure.Caching;

/// <summary>
/// Parses of a text by the text itself (not by document id and version), so an edited document can never be served its
/// old parse, and a text read again and again is parsed once. Bounded by the characters kept: when full it starts over,
/// and the texts in use are parsed again on their next use. The parses are shared, so they must be immutable.
/// </summary>
public sealed class ContentCache<T>(Func<string, T> parse, long maxCharacters) where T : class
{
    // A plain concurrent dictionary: a lookup neither boxes the key nor updates any bookkeeping, unlike MemoryCache.
    private readonly ConcurrentDictionary<ContentKey, T> _parsed = new();
    private long _characters;

    public T Parse(string content)
    {
        var key = new ContentKey(content);
        if (_parsed.TryGetValue(key, out var parsed))
            return parsed;
        parsed = parse(content);
        if (_parsed.TryAdd(key, parsed) && Interlocked.Add(ref _characters, content.Length) > maxCharacters)
        {
            _parsed.Clear();
            Interlocked.Exchange(ref _characters, 0);
        }
        return parsed;
    }

    /// <summary>The content with a hash computed once: the default string hash would read the whole text per lookup at a slower pace.</summary>
    private readonly struct ContentKey(string content) : IEquatable<ContentKey>
    {
        private readonly string _content = content;
        private readonly int _hash = (int)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(content.AsSpan()));

        public bool Equals(ContentKey other) => _hash == other._hash && string.Equals(_content, other._content, StringComparison.Ordinal);
        public override bool Equals(object? obj) => obj is ContentKey other && Equals(other);
        public override int GetHashCode() => _hash;
    }
}
