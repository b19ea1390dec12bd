using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;

namespace Promptmark.Api.Features.OAuth;

/// <summary>
/// Offers OpenIddict's server only the requests to its own endpoints (authorize, token, revoke, metadata, keys). The
/// authentication middleware hands every request to each scheme that can answer requests itself, and OpenIddict's server
/// would otherwise work through its request pipeline on every REST and MCP call only to find the path is not one of
/// its endpoints: some 5 to 9% of the processor time of a one-document read. Every other scheme, and the server's
/// scheme on its own endpoints (where the authorize endpoint signs in with it), is resolved as before.
/// </summary>
public sealed class OpenIddictOnItsEndpoints(IAuthenticationSchemeProvider schemes, OpenIddictEndpointPaths endpoints) : IAuthenticationHandlerProvider
{
    private readonly AuthenticationHandlerProvider _handlers = new(schemes);

    public Task<IAuthenticationHandler?> GetHandlerAsync(HttpContext context, string authenticationScheme) =>
        authenticationScheme == OpenIddictServerAspNetCoreDefaults.AuthenticationScheme && !endpoints.Contains(context.Request.Path)
            ? Task.FromResult<IAuthenticationHandler?>(null)
            : _handlers.GetHandlerAsync(context, authenticationScheme);
}

/// <summary>The paths of every endpoint OpenIddict's server is configured with, read once from its options.</summary>
public sealed class OpenIddictEndpointPaths(IOptions<OpenIddictServerOptions> options)
{
    private readonly Lazy<HashSet<string>> _paths = new(() =>
    {
        var server = options.Value;
        List<Uri>[] endpoints =
        [
            server.AuthorizationEndpointUris, server.ConfigurationEndpointUris, server.DeviceAuthorizationEndpointUris,
            server.EndSessionEndpointUris, server.EndUserVerificationEndpointUris, server.IntrospectionEndpointUris,
            server.JsonWebKeySetEndpointUris, server.PushedAuthorizationEndpointUris, server.RevocationEndpointUris,
            server.TokenEndpointUris, server.UserInfoEndpointUris,
        ];
        // Relative URIs are relative to the application's base path, as Request.Path is.
        return endpoints.SelectMany(uris => uris)
            .Select(uri => (uri.IsAbsoluteUri ? uri.AbsolutePath : "/" + uri.OriginalString.TrimStart('/')).TrimEnd('/'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    });

    public bool Contains(PathString path) => path.HasValue && _paths.Value.Contains(path.Value.TrimEnd('/'));
}
