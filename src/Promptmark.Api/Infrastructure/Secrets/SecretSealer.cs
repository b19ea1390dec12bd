using System.Security.Cryptography;
using System.Text;

namespace Promptmark.Api.Infrastructure.Secrets;

/// <summary>
/// AES-256-GCM with a random 96-bit nonce per seal and a 128-bit tag; the <see cref="SealingContext"/> is the
/// associated data. Thread-safe: every call uses its own <see cref="AesGcm"/>.
/// </summary>
public sealed class SecretSealer(SealingKeys keys) : ISecretSealer
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public string ActiveKeyId => keys.ActiveKeyId;

    public SealedSecret Seal(string plaintext, SealingContext context)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var associatedData = context.ToAssociatedData();
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var sealedBytes = new byte[plain.Length + TagBytes];
        try
        {
            using var aes = new AesGcm(keys.ActiveKey, TagBytes);
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(0, plain.Length), sealedBytes.AsSpan(plain.Length), associatedData);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
        return new SealedSecret(keys.ActiveKeyId, Convert.ToBase64String(nonce), Convert.ToBase64String(sealedBytes));
    }

    public string Unseal(SealedSecret secret, SealingContext context)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var associatedData = context.ToAssociatedData();
        if (string.IsNullOrEmpty(secret.KeyId) || !keys.TryGet(secret.KeyId, out var key))
            throw new SecretUnsealException(
                $"The secret was sealed with key '{secret.KeyId}', which is not configured ({SealingKeys.KeysSetting}:{secret.KeyId}).");
        var nonce = DecodeOrThrow(secret.Nonce, "nonce");
        var sealedBytes = DecodeOrThrow(secret.Ciphertext, "ciphertext");
        if (nonce.Length != NonceBytes) throw new SecretUnsealException($"The sealed secret's nonce is not {NonceBytes} bytes.");
        if (sealedBytes.Length < TagBytes) throw new SecretUnsealException("The sealed secret's ciphertext is shorter than its tag.");

        var cipherLength = sealedBytes.Length - TagBytes;
        var plain = new byte[cipherLength];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(nonce, sealedBytes.AsSpan(0, cipherLength), sealedBytes.AsSpan(cipherLength), plain, associatedData);
            return Encoding.UTF8.GetString(plain);
        }
        catch (AuthenticationTagMismatchException mismatch)
        {
            throw new SecretUnsealException(
                $"The sealed secret does not open for {context.Purpose}/{context.Field}: it was altered, or sealed for another user, record, field or purpose.",
                mismatch);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    public SealedSecret Reseal(SealedSecret secret, SealingContext context) =>
        string.Equals(secret.KeyId, keys.ActiveKeyId, StringComparison.OrdinalIgnoreCase) ? secret : Seal(Unseal(secret, context), context);

    private static byte[] DecodeOrThrow(string base64, string part)
    {
        try
        {
            return Convert.FromBase64String(base64 ?? "");
        }
        catch (FormatException)
        {
            throw new SecretUnsealException($"The sealed secret's {part} is not valid base64.");
        }
    }
}
