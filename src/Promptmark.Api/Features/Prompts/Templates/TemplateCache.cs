using System.IO.Hashing;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Caching.Memory;

namespace Promptmark.Api.Features.Prompts.Templates;

/// <summary>
/// Parsed templates by content, so a prompt rendered again and again is scanned once. Keyed by the text itself (not
/// by prompt id and version), so an edited prompt can never be served its old parse. Bounded by the characters kept.
/// </summary>
public static class TemplateCache
{
    /// <summary>About 32 MB of template text; a parse costs about as much memory again.</summary>
    private const long MaxCharacters = 16_000_000;

    private static readonly MemoryCache Parsed = new(new MemoryCacheOptions { SizeLimit = MaxCharacters });

    public static Template Parse(string content)
    {
        var key = new ContentKey(content);
        if (Parsed.TryGetValue(key, out Template? template))
            return template!;
        template = Template.Parse(content);
        Parsed.Set(key, template, new MemoryCacheEntryOptions { Size = Math.Max(1, content.Length) });
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
