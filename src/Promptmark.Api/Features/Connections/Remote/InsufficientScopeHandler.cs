using System.Net;

namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>
/// Turns a 403 whose Bearer challenge says <c>insufficient_scope</c> into an <see cref="InsufficientRemoteScopeException"/>
/// carrying the demanded scope: the SDK's transport reports only the status code, and the scope is what a new sign-in must ask for.
/// </summary>
internal sealed class InsufficientScopeHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Forbidden) return response;

        var bearer = response.Headers.WwwAuthenticate.FirstOrDefault(c => string.Equals(c.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase));
        var parameters = BearerChallenge.Parameters(bearer?.Parameter);
        if (parameters.GetValueOrDefault("error") != "insufficient_scope") return response;

        response.Dispose();
        throw new InsufficientRemoteScopeException(parameters.GetValueOrDefault("scope") is { Length: > 0 } scope ? scope : null);
    }
}
