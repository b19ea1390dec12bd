namespace Promptmark.Api.Engines.Egress;

/// <summary>Builds the only HTTP handler that outbound connection calls may use.</summary>
public static class EgressGuard
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(2);

    public static SocketsHttpHandler CreateHandler(
        EgressOptions options,
        IHostResolver? resolver = null,
        IConnector? connector = null)
    {
        var guardedConnect = new GuardedConnect(options, resolver ?? new DnsHostResolver(), connector ?? new SocketConnector());
        return new SocketsHttpHandler
        {
            // Redirects are followed by hand through RedirectPolicy, which re-checks every Location.
            AllowAutoRedirect = false,
            // A proxy from the environment would do its own DNS and dial private addresses on our behalf.
            UseProxy = false,
            // Bounds how long a vetted address is reused, so DNS changes are re-judged.
            PooledConnectionLifetime = PooledConnectionLifetime,
            ConnectTimeout = ConnectTimeout,
            ConnectCallback = (context, cancellationToken) =>
                guardedConnect.OpenAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, cancellationToken),
        };
    }
}
