using Promptmark.Api.Infrastructure.Secrets;

namespace Promptmark.Api.Features.Connections.OAuth;

/// <summary>
/// What a connection signed in with OAuth keeps beside its tokens (the tokens are its sealed credentials, auth type
/// <c>oauth</c>): the authorization server it found, the client it registered there (or, as <see cref="ClientId"/>, the URL of
/// Promptmark's client metadata document), the resource it asks tokens for,
/// and the sign-in under way, if one is.
/// </summary>
public sealed class ConnectionOAuth
{
    public string Issuer { get; set; } = "";
    public string AuthorizationEndpoint { get; set; } = "";
    public string TokenEndpoint { get; set; } = "";

    /// <summary>The RFC 8707 resource indicator: the protected resource metadata's <c>resource</c>.</summary>
    public string Resource { get; set; } = "";

    public string? Scope { get; set; }
    public string ClientId { get; set; } = "";

    /// <summary>Only when the server registered a confidential client despite being asked for a public one.</summary>
    public SealedSecret? ClientSecret { get; set; }
    /// <summary>The secret goes in a Basic Authorization header (client_secret_basic), not in the form (client_secret_post).</summary>
    public bool ClientSecretInHeader { get; set; }

    /// <summary>The client is the user's pre-registered one: the next sign-in uses it only while the connection still names it.</summary>
    public bool PreRegistered { get; set; }

    public string RedirectUri { get; set; } = "";
    public PendingSignIn? Pending { get; set; }
}

/// <summary>A sign-in sent to the user's browser: the state it must come back with (hashed) and the PKCE verifier (sealed).</summary>
public sealed class PendingSignIn
{
    public string StateHash { get; set; } = "";
    public SealedSecret Verifier { get; set; } = null!;
    public DateTimeOffset StartedAt { get; set; }
}
