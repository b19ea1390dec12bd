namespace Promptmark.Api.Features.Connections.OAuth;

/// <summary>
/// The <c>state</c> parameter of a sign-in: the connection's id, so the callback finds it, and a secret only the
/// sign-in's starter has seen.
/// </summary>
public sealed record OAuthState(Guid ConnectionId, string Secret)
{
    public static string Of(Guid connectionId, string secret) => $"{connectionId:N}.{secret}";

    public static OAuthState? TryParse(string? state) =>
        state?.Split('.') is [var id, { Length: > 0 } secret] && Guid.TryParseExact(id, "N", out var connectionId) ? new(connectionId, secret) : null;
}
