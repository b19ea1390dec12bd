using System.Security.Cryptography;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Promptmark.Api.Engines.Egress;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Hosting;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Promptmark.Api.Features.OAuth;

/// <summary>
/// Promptmark as an OAuth 2.1 authorization server for its MCP endpoint, on OpenIddict. OpenIddict runs in its degraded
/// mode: instead of OpenIddict's entity stores (applications, authorizations, tokens), clients are <see cref="OAuthClient"/>
/// documents and what a user approved is an <see cref="OAuthGrant"/>, checked by the handlers in <see cref="GrantLedger"/>.
/// Tokens and codes are self-contained (signed and encrypted), so none is ever stored, hashed or not: a grant keeps only
/// the random ids of its live code and refresh token. Degraded mode rather than Marten stores for OpenIddict's three
/// entity managers: two small documents say everything Promptmark needs, where the stores are some 120 methods.
/// </summary>
public static class OAuthServer
{
    public const string AuthorizationPath = "/oauth/authorize";
    public const string TokenPath = "/oauth/token";
    public const string RevocationPath = "/oauth/revoke";
    public const string RegistrationPath = "/oauth/register";

    public static IServiceCollection AddPromptmarkOAuth(this IServiceCollection services)
    {
        services.AddOpenIddict()
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(AuthorizationPath[1..])
                    .SetTokenEndpointUris(TokenPath[1..])
                    .SetRevocationEndpointUris(RevocationPath[1..]);
                server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow();
                server.RequireProofKeyForCodeExchange();
                // OAuth 2.1 and the MCP authorization spec: S256 only, never "plain".
                server.Configure(options =>
                {
                    options.CodeChallengeMethods.Clear();
                    options.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
                    // The one resource is this server's /mcp, whose URL depends on the request: GrantLedger checks it.
                    options.DisableResourceValidation = true;
                });
                server.RegisterScopes([.. ProtectedResource.Scopes, Scopes.OfflineAccess]);
                server.EnableDegradedMode();
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    // Promptmark is self-hosted, often on http://localhost; behind a proxy the forwarded scheme is https.
                    .DisableTransportSecurityRequirement();
                GrantLedger.Register(server);
                // OpenIddict has no registration endpoint of its own, nor metadata documents: RFC 8414 metadata names ours.
                server.AddEventHandler<OpenIddictServerEvents.HandleConfigurationRequestContext>(handler => handler.UseInlineHandler(context =>
                {
                    context.Metadata["registration_endpoint"] = ProtectedResource.BaseUrl(context.Transaction.GetHttpRequest()!) + RegistrationPath;
                    context.Metadata["client_id_metadata_document_supported"] = true;
                    return default;
                }));
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
            });
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, OAuthKeys>();
        services.AddScoped<IOAuthBearer, OAuthBearer>();
        services.AddSingleton<OpenIddictEndpointPaths>();
        services.AddScoped<IAuthenticationHandlerProvider, OpenIddictOnItsEndpoints>();
        services.AddEgressGuard();
        services.AddSingleton<ClientMetadataDocuments>();
        services.AddSingleton<OAuthClients>();
        return services;
    }

    public static IEndpointRouteBuilder MapPromptmarkOAuth(this IEndpointRouteBuilder app)
    {
        app.MapMethods(AuthorizationPath, [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.HandleAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(RegistrationPath, ClientRegistration.RegisterAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}

/// <summary>
/// The keys tokens are signed and encrypted with, kept under the data directory so that tokens outlive a restart:
/// an ECDSA P-256 signing key (OpenIddict requires an asymmetric one) derived from a stored random scalar, and an AES-256
/// encryption key.
/// </summary>
public sealed class OAuthKeys(DataDirectory data) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        var scalar = data.GetOrCreateSecret("oauth-signing.key", 32, "OAuth token signing key");
        var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = scalar });
        options.SigningCredentials.Add(new SigningCredentials(new ECDsaSecurityKey(ecdsa), SecurityAlgorithms.EcdsaSha256));
        var encryption = new SymmetricSecurityKey(data.GetOrCreateSecret("oauth-encryption.key", 32, "OAuth token encryption key"));
        options.EncryptionCredentials.Add(new EncryptingCredentials(encryption, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
    }
}
