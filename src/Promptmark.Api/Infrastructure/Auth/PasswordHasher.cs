using System.Security.Cryptography;
using System.Text;

namespace Promptmark.Api.Infrastructure.Auth;

/// <summary>
/// PBKDF2-HMAC-SHA512 with 210,000 iterations and a 128-bit salt (OWASP's figure for this hash). The stored form
/// names the algorithm and iterations, so the cost can be raised later without invalidating old hashes.
/// </summary>
public static class PasswordHasher
{
    private const int Iterations = 210_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const string Algorithm = "pbkdf2-sha512";

    /// <summary>A hash of a random password, verified against when the email is unknown so timing does not reveal accounts.</summary>
    public static readonly string Decoy = Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, Iterations);
        return $"{Algorithm}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts is not [Algorithm, var iterations, var salt, var hash]) return false;
        var expected = Convert.FromBase64String(hash);
        var actual = Derive(password, Convert.FromBase64String(salt), int.Parse(iterations));
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, HashBytes);
}
