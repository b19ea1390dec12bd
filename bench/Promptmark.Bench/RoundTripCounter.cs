namespace Promptmark.Bench;

/// <summary>
/// Counts the requests an <see cref="HttpClient"/> sends. Redirects are not followed, so each request is one HTTP round
/// trip: the redirects of the authorization endpoint are read and followed by the caller, as a browser would.
/// </summary>
public sealed class RoundTripCounter() : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return base.SendAsync(request, cancellationToken);
    }
}
