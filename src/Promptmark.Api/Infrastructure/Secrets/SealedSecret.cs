namespace Promptmark.Api.Infrastructure.Secrets;

/// <summary>
/// An encrypted credential as stored in a document: the id of the key that sealed it, the 12-byte nonce and the
/// ciphertext followed by its 16-byte GCM tag, all base64. Opening it needs the <see cref="SealingContext"/> it was sealed for.
/// </summary>
public sealed record SealedSecret(string KeyId, string Nonce, string Ciphertext)
{
    /// <summary>Safe for logs: the key id and the size, never the ciphertext.</summary>
    public override string ToString() => $"SealedSecret(key={KeyId}, {CiphertextBytes()} bytes)";

    private int CiphertextBytes()
    {
        if (string.IsNullOrEmpty(Ciphertext)) return 0;
        var padding = Ciphertext.EndsWith("==", StringComparison.Ordinal) ? 2 : Ciphertext.EndsWith('=') ? 1 : 0;
        return Ciphertext.Length / 4 * 3 - padding;
    }
}
