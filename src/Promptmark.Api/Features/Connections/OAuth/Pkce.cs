using System.Security.Cryptography;
using System.Text;

namespace Promptmark.Api.Features.Connections.OAuth;

/// <summary>The random values of a sign-in: PKCE verifier and S256 challenge (RFC 7636), and the state secret.</summary>
public static class Pkce
{
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Challenge(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>What is stored of a state secret: enough to recognise it, not to forge a callback.</summary>
    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(hash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
