using System.Net;
using System.Net.Sockets;

namespace Promptmark.Api.Engines.Egress;

/// <summary>
/// The connect step of the guarded handler: resolves the host itself and hands only vetted addresses to the
/// connector, so a name cannot resolve to a public address when checked and a private one when dialled.
/// </summary>
public sealed class GuardedConnect(EgressOptions options, IHostResolver resolver, IConnector connector)
{
    private readonly AllowedHosts allowedHosts = new(options);

    public async ValueTask<Stream> OpenAsync(string host, int port, CancellationToken cancellationToken)
    {
        var addresses = await AddressesToTry(host, port, cancellationToken);

        Exception? lastFailure = null;
        foreach (var address in addresses)
        {
            try
            {
                return await connector.ConnectAsync(address, port, cancellationToken);
            }
            catch (SocketException failure)
            {
                lastFailure = failure;
            }
        }

        throw lastFailure ?? new SocketException((int)SocketError.HostNotFound);
    }

    private async Task<IPAddress[]> AddressesToTry(string host, int port, CancellationToken cancellationToken)
    {
        var normalized = HostLiteral.Normalize(host);
        if (allowedHosts.Allows(normalized, port))
            return await Resolve(normalized, cancellationToken);

        if (!ConnectionUrlPolicy.IsPublicHost(normalized))
            throw new EgressRefusedException();

        var addresses = await Resolve(normalized, cancellationToken);

        // A name with any non-public address is refused outright rather than filtered: mixing public and private
        // answers is a rebinding technique, and no legitimate public MCP server needs it.
        if (addresses.Any(AddressClassifier.IsForbidden))
            throw new EgressRefusedException();

        return addresses;
    }

    private async Task<IPAddress[]> Resolve(string normalizedHost, CancellationToken cancellationToken)
    {
        if (HostLiteral.Read(normalizedHost, out var literal) == HostKind.Address)
            return [literal!];

        return await resolver.ResolveAsync(normalizedHost, cancellationToken);
    }
}
