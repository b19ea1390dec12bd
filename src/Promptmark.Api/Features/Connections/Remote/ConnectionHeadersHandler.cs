namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>
/// Adds a connection's credentials to each request bound for the connection's own origin, and to no other: a
/// redirect that leaves the origin (see <see cref="RedirectFollowingHandler"/>) carries none, even if it comes back.
/// </summary>
internal sealed class ConnectionHeadersHandler(RemoteServer server) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<bool> CredentialsWithheld = new("Promptmark.Connections.CredentialsWithheld");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (MayCarryCredentials(request))
        {
            foreach (var (name, value) in server.Headers)
            {
                request.Headers.Remove(name);
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return base.SendAsync(request, cancellationToken);
    }

    private bool MayCarryCredentials(HttpRequestMessage request) =>
        request.RequestUri is { } target
        && Uri.Compare(target, server.Url, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
        && !(request.Options.TryGetValue(CredentialsWithheld, out var withheld) && withheld);
}
