namespace Promptmark.Api.Infrastructure.Secrets;

/// <summary>
/// Whose secret this is and where it is stored. It is authenticated with the ciphertext (never stored in it), so a
/// sealed value only opens for the same purpose, user, record and field it was sealed for.
/// </summary>
/// <param name="Purpose">What kind of record holds the secret, e.g. <c>"connection"</c>.</param>
/// <param name="UserId">The owner.</param>
/// <param name="RecordId">The document that stores the sealed value.</param>
/// <param name="Field">The property (or header name) within that record.</param>
public sealed record SealingContext(string Purpose, Guid UserId, Guid RecordId, string Field)
{
    private const string FormatLabel = "promptmark/sealed-secret/v1";

    /// <summary>Length-prefixed fields, so no two different contexts can encode to the same bytes.</summary>
    internal byte[] ToAssociatedData()
    {
        if (string.IsNullOrWhiteSpace(Purpose)) throw new ArgumentException("A sealing context needs a purpose.", nameof(Purpose));
        if (string.IsNullOrWhiteSpace(Field)) throw new ArgumentException("A sealing context needs a field.", nameof(Field));
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8))
        {
            writer.Write(FormatLabel);
            writer.Write(Purpose);
            writer.Write(UserId.ToByteArray());
            writer.Write(RecordId.ToByteArray());
            writer.Write(Field);
        }
        return buffer.ToArray();
    }
}
