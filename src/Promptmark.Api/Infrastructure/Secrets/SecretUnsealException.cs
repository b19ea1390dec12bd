namespace Promptmark.Api.Infrastructure.Secrets;

/// <summary>A sealed secret could not be opened. The message names the reason, never the secret or a key.</summary>
public sealed class SecretUnsealException(string message, Exception? inner = null) : Exception(message, inner);
