using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Promptmark.Api.Infrastructure.Hosting;

/// <summary>
/// Behind a TLS-terminating reverse proxy every request reaches Promptmark as plain http from the proxy. The
/// forwarded-headers middleware puts back the client's scheme (<c>X-Forwarded-Proto</c>, so the session cookie is
/// Secure) and address (<c>X-Forwarded-For</c>, so the throttles count the real client), but only when the hop that
/// sent them is trusted: loopback always, and the addresses or networks listed in
/// <c>Promptmark:ReverseProxy:TrustedProxies</c>. Anyone can send these headers, so from other hops they are ignored.
/// </summary>
public static class ReverseProxy
{
    public const string TrustedProxiesKey = "Promptmark:ReverseProxy:TrustedProxies";

    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Unwrap every trusted hop of a chain of proxies, up to the first that is not trusted.
            options.ForwardLimit = null;
            foreach (var entry in configuration.GetSection(TrustedProxiesKey).Get<string[]>() ?? [])
            {
                if (entry.Contains('/') && System.Net.IPNetwork.TryParse(entry, out var network)) options.KnownIPNetworks.Add(network);
                else if (IPAddress.TryParse(entry, out var address)) options.KnownProxies.Add(address);
                else throw new InvalidOperationException($"{TrustedProxiesKey}: '{entry}' is neither an address (10.0.0.5) nor a network (10.0.0.0/8).");
            }
        }).ValidateOnStart();
        return services;
    }
}
