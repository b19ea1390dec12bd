namespace Promptmark.Api.Infrastructure.Secrets;

/// <summary>Encrypts credentials for storage (AES-256-GCM) and opens them again for the same <see cref="SealingContext"/>.</summary>
public interface ISecretSealer
{
    /// <summary>The key new seals use.</summary>
    string ActiveKeyId { get; }

    SealedSecret Seal(string plaintext, SealingContext context);

    /// <exception cref="SecretUnsealException">Unknown key, malformed value, altered value or another context.</exception>
    string Unseal(SealedSecret secret, SealingContext context);

    /// <summary>
    /// Opens a secret sealed with an older key and seals it again with the active one; returns <paramref name="secret"/>
    /// itself when it already uses the active key.
    /// </summary>
    SealedSecret Reseal(SealedSecret secret, SealingContext context);
}
