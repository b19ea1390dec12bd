using Microsoft.AspNetCore.WebUtilities;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.Connections.OAuth;

/// <summary>
/// The authorization code flow with PKCE for a connection, in two halves around the user's browser. Start discovers
/// the authorization server, uses the connection's pre-registered client if it has one, or names Promptmark by its client metadata document's URL where the server accepts that and the
/// document lists the redirect URI, or else registers a client (once per server and redirect URI), and keeps the state's hash and the
/// sealed verifier; complete checks the state, redeems the code and stores the tokens sealed.
/// </summary>
public sealed class OAuthSignIns(
    OAuthDiscovery discovery, OAuthRegistration registration, PromptmarkClientIdentity identity, OAuthTokenEndpoint tokens, OAuthGrants grants,
    ConnectionSecrets secrets, TimeProvider clock)
{
    public static readonly TimeSpan SignInLifetime = TimeSpan.FromMinutes(15);

    public async Task<Uri> StartAsync(McpConnection connection, Guid userId, string redirectUri, CancellationToken ct)
    {
        var target = await discovery.DiscoverAsync(new Uri(connection.ServerUrl), ct);
        // A scope the server demanded since the last sign-in (step-up) is asked for again, with what discovery found.
        var held = connection.OAuth?.Issuer == target.Issuer ? connection.OAuth.Scope : null;
        var oauth = await ClientAsync(connection, userId, target, redirectUri, ct);
        oauth.AuthorizationEndpoint = target.AuthorizationEndpoint.AbsoluteUri;
        oauth.TokenEndpoint = target.TokenEndpoint.AbsoluteUri;
        oauth.Resource = target.Resource;
        oauth.Scope = OAuthScopeStepUp.Union(target.Scope, held);

        var state = Pkce.NewSecret();
        var verifier = Pkce.NewSecret();
        oauth.Pending = new PendingSignIn
        {
            StateHash = Pkce.Hash(state),
            Verifier = secrets.Seal(connection, userId, OAuthGrants.VerifierField, verifier)!,
            StartedAt = clock.GetUtcNow(),
        };
        connection.OAuth = oauth;
        return new Uri(QueryHelpers.AddQueryString(oauth.AuthorizationEndpoint, new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = oauth.ClientId, ["redirect_uri"] = redirectUri,
            ["state"] = OAuthState.Of(connection.Id, state), ["code_challenge"] = Pkce.Challenge(verifier), ["code_challenge_method"] = "S256",
            ["resource"] = oauth.Resource, ["scope"] = oauth.Scope,
        }.Where(p => p.Value is not null)));
    }

    public async Task CompleteAsync(McpConnection connection, Guid userId, OAuthState state, string code, CancellationToken ct)
    {
        if (connection.OAuth is not { Pending: { } pending } oauth || !Pkce.Matches(state.Secret, pending.StateHash))
            throw new InvalidInputException("state", "does not match the sign-in under way for this connection: start it again");
        if (clock.GetUtcNow() - pending.StartedAt > SignInLifetime)
            throw new InvalidInputException("state", $"the sign-in was started more than {SignInLifetime.TotalMinutes:0} minutes ago: start it again");

        var verifier = secrets.Open(connection, userId, OAuthGrants.VerifierField, pending.Verifier)!;
        var grant = await tokens.RedeemAsync(oauth, grants.ClientSecret(connection, userId), code, verifier, ct)
                    ?? throw new UnprocessableException("OAuth sign-in failed: the authorization server refused the code: start again");
        oauth.Pending = null;
        grants.Apply(connection, userId, grant);
    }

    /// <summary>
    /// Who signs in: the user's pre-registered client, else the client registered last time at this issuer (never a pre-registered one the user removed), else Promptmark's
    /// client metadata document URL where the server accepts one, else a client registered now.
    /// </summary>
    private async Task<ConnectionOAuth> ClientAsync(McpConnection connection, Guid userId, OAuthTarget target, string redirectUri, CancellationToken ct)
    {
        if (connection.OAuthClientId is { } preRegistered)
            return new ConnectionOAuth
            {
                Issuer = target.Issuer, ClientId = preRegistered, ClientSecret = connection.OAuthClientSecret,
                ClientSecretInHeader = !target.TakesSecretInForm, RedirectUri = redirectUri, PreRegistered = true,
            };
        if (connection.OAuth is { PreRegistered: false } known && known.Issuer == target.Issuer && known.RedirectUri == redirectUri)
            return known;
        return target.AcceptsClientMetadataDocuments && identity.Covers(redirectUri)
            ? new ConnectionOAuth { Issuer = target.Issuer, ClientId = identity.MetadataUrl!.AbsoluteUri, RedirectUri = redirectUri }
            : await RegisterAsync(connection, userId, target, redirectUri, ct);
    }

    private async Task<ConnectionOAuth> RegisterAsync(McpConnection connection, Guid userId, OAuthTarget target, string redirectUri, CancellationToken ct)
    {
        var client = await registration.RegisterAsync(target, redirectUri, ct);
        return new ConnectionOAuth
        {
            Issuer = target.Issuer,
            ClientId = client.ClientId,
            ClientSecret = secrets.Seal(connection, userId, OAuthGrants.ClientSecretField, client.ClientSecret),
            ClientSecretInHeader = client.SecretInHeader,
            RedirectUri = redirectUri,
        };
    }
}
