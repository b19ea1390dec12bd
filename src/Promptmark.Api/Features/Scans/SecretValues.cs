namespace Promptmark.Api.Features.Scans;

/// <summary>Judgements about a candidate secret value: how random it is and whether it is a stand-in for one.</summary>
internal static class SecretValues
{
    static readonly string[] PlaceholderWords =
    [
        "your", "xxxx", "example", "placeholder", "dummy", "fake", "redacted", "insert", "replace", "changeme",
        "change_me", "sample", "abcdef", "123456", "0000", "****", "...", "…", "secret_key", "api_key",
        "foobar", "notreal", "not_real", "not-real", "mytoken", "mykey", "mypassword",
    ];

    // Published in documentation so often that they identify nobody: jwt.io's sample token signature.
    static readonly string[] PublishedSamples = ["SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"];

    /// <summary>Bits per character, over the characters actually present.</summary>
    public static double ShannonEntropy(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) return 0;
        Span<int> counts = stackalloc int[128];
        var other = 0;
        foreach (var c in value)
            if (c < 128) counts[c]++;
            else other++;
        var entropy = 0.0;
        foreach (var count in counts) entropy -= Term(count, value.Length);
        return entropy - Term(other, value.Length);
    }

    static double Term(int count, int total) => count == 0 ? 0 : (double)count / total * Math.Log2((double)count / total);

    /// <summary>
    /// True for the stand-ins people write instead of a real value: YOUR_API_KEY, &lt;token&gt;, xxxx, {{api_key}},
    /// ${ENV_VAR}, $VAR, %(name)s, sk-..., published documentation samples and values made of one repeated character.
    /// </summary>
    public static bool IsPlaceholder(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value[0] is '$' or '<' or '{' or '%' or '[' or '(') return true;
        foreach (var word in PlaceholderWords)
            if (value.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        return IsPublishedSample(value) || value.Length > 1 && !value.ContainsAnyExcept(value[0]);
    }

    public static bool IsPublishedSample(ReadOnlySpan<char> value)
    {
        foreach (var sample in PublishedSamples)
            if (value.Contains(sample, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// Random-looking enough to be a credential when nothing but the value says it is one: letters and digits mixed,
    /// and entropy to match.
    /// </summary>
    public static bool LooksRandom(ReadOnlySpan<char> value, double minimumEntropy) =>
        value.ContainsAnyInRange('0', '9') && (value.ContainsAnyInRange('a', 'z') || value.ContainsAnyInRange('A', 'Z'))
        && ShannonEntropy(value) >= minimumEntropy;
}
