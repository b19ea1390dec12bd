namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>
/// The server refused a request with 403 <c>insufficient_scope</c> (RFC 6750 §3.1): the token is good but grants too
/// little. <see cref="Scope"/> is what the server's challenge demands, or null when it did not say.
/// </summary>
public sealed class InsufficientRemoteScopeException(string? scope) : RemoteServerException(
    scope is null ? "the server needs more OAuth scope than the token grants" : $"the server needs OAuth scope \"{scope}\", more than the token grants")
{
    public string? Scope { get; } = scope;
}
