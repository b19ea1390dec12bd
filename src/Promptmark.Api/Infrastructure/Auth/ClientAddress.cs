using System.Net;
using System.Net.Sockets;

namespace Promptmark.Api.Infrastructure.Auth;

public static class ClientAddress
{
    /// <summary>
    /// Who is calling, for throttles: the client's address after the forwarded-headers middleware has put the real
    /// client in place of a trusted proxy. An IPv6 client counts as its /64, since one subscriber is usually given a
    /// whole /64 and could otherwise take a fresh address for every request.
    /// </summary>
    public static string Of(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        bytes.AsSpan(8).Clear();
        return new IPAddress(bytes) + "/64";
    }
}
