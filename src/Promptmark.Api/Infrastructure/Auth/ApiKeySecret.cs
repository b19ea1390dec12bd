using System.Security.Cryptography;
using System.Text;

namespace Promptmark.Api.Infrastructure.Auth;

/// <summary>
/// API keys are <c>pm_</c> + 256 random bits. Only their SHA-256 is stored: a key has full entropy, so a fast hash is
/// enough to make a leaked table useless, and lookups stay one indexed query.
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "pm_";

    /// <summary>A new secret; other secrets of the same strength (a playbook's trigger token) carry a prefix of their own.</summary>
    public static string New(string prefix = Prefix) => prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>What the key list shows so a user can tell keys apart: the prefix and the first characters.</summary>
    public static string Hint(string key) => key[..Math.Min(key.Length, Prefix.Length + 6)] + "…";

    public static bool LooksLikeKey(string credential) => credential.StartsWith(Prefix, StringComparison.Ordinal);

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
