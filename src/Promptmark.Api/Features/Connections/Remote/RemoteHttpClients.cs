using Promptmark.Api.Engines.Egress;

namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>
/// Builds the HttpClient a session uses: responses cut off past a size limit, redirects followed by hand, a 403 for want of OAuth scope
/// reported with the scope, the connection's credentials added only for its own origin, over the one guarded <see cref="SocketsHttpHandler"/> that all connections share.
/// </summary>
public sealed class RemoteHttpClients(EgressOptions options) : IDisposable
{
    private readonly SocketsHttpHandler guardedSockets = EgressGuard.CreateHandler(options);
    private readonly ConnectionUrlPolicy urlPolicy = new(options);

    public UrlCheck Check(Uri url) => urlPolicy.Check(url.OriginalString);

    public UrlCheck Check(string url) => urlPolicy.Check(url);

    /// <param name="requestTimeout">Bounds each request up to its response headers, including the SDK's own
    /// closing DELETE, which is sent without a cancellation token.</param>
    /// <param name="maxResponseBytes">The most bytes read from one response, after redirects.</param>
    public HttpClient CreateFor(RemoteServer server, TimeSpan requestTimeout, long maxResponseBytes)
    {
        var pipeline = new ResponseSizeLimitHandler(maxResponseBytes)
        {
            InnerHandler = new RedirectFollowingHandler(urlPolicy)
            {
                InnerHandler = new InsufficientScopeHandler
                {
                    InnerHandler = new ConnectionHeadersHandler(server) { InnerHandler = guardedSockets },
                },
            },
        };
        // The shared handler outlives each client; the delegating handlers hold nothing to release.
        return new HttpClient(pipeline, disposeHandler: false) { Timeout = requestTimeout };
    }

    /// <summary>
    /// A client for the OAuth side of a connection (metadata, registration, tokens): guarded sockets and a size limit,
    /// no credentials added and no redirect followed (a 3xx comes back as the answer).
    /// </summary>
    public HttpClient CreatePlain(TimeSpan requestTimeout, long maxResponseBytes) =>
        new(new ResponseSizeLimitHandler(maxResponseBytes) { InnerHandler = guardedSockets }, disposeHandler: false) { Timeout = requestTimeout };

    public void Dispose() => guardedSockets.Dispose();
}
