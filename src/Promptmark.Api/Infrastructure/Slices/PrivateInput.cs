namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>
/// The base of every record a caller fills in (each slice's request, the sign-in body). What a caller sends is theirs:
/// passwords, credentials, prompt text, notes, template variables, tool arguments. A record would print all of it in its
/// ToString, and Wolverine logs a failed message with its ToString, so these records print their type name only.
/// Sealing ToString here stops the compiler from writing the printing one into each derived record.
/// </summary>
public abstract record PrivateInput
{
    public sealed override string ToString() => GetType().Name;
}
