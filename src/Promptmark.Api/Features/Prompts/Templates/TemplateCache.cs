using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Promptmark.Api.Features.Prompts.Templates;

/// <summary>
/// Parsed templates by content, so a prompt rendered again and again is scanned once. Keyed by the text itself (not
/// by prompt id and version), so an edited prompt can never be served its old parse. Bounded by the characters kept:
/// when full it starts over, and the templates in use are parsed again on their next render.
/// </summary>
public static class TemplateCache
{
    /// <summary>About 32 MB of template text; a parse costs about as much memory again.</summary>
    private const long MaxCharacters = 16_000_000;

    // A plain concurrent dictionary: a lookup neither boxes the key nor updates any bookkeeping, unlike MemoryCache.
    private static readonly ConcurrentDictionary<ContentKey, Template> Parsed = new();
    private static long _characters;

    public static Template Parse(string content)
    {
        var key = new ContentKey(content);
        if (Parsed.TryGetValue(key, out var template))
            return template;
        template = Template.Parse(content);
        if (Parsed.TryAdd(key, template) && Interlocked.Add(ref _characters, content.Length) > MaxCharacters)
        {
            Parsed.Clear();
            Interlocked.Exchange(ref _characters, 0);
        }
        return template;
    }

    /// <summary>The content with a hash computed once: the default string hash would read 2 KB per lookup at a slower pace.</summary>
    private readonly struct ContentKey(string content) : IEquatable<ContentKey>
    {
        private readonly string _content = content;
        private readonly int _hash = (int)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(content.AsSpan()));

        public bool Equals(ContentKey other) => _hash == other._hash && string.Equals(_content, other._content, StringComparison.Ordinal);
        public override bool Equals(object? obj) => obj is ContentKey other && Equals(other);
        public override int GetHashCode() => _hash;
    }
}
