using System.Net;

namespace Promptmark.Api.Engines.Egress;

/// <summary>Decides whether an IP address is outside the public internet and so must never be connected to.</summary>
public static class AddressClassifier
{
    private static readonly AddressRange[] ForbiddenV4 =
    [
        AddressRange.Parse("0.0.0.0/8"),        // unspecified / "this network"
        AddressRange.Parse("10.0.0.0/8"),       // private
        AddressRange.Parse("100.64.0.0/10"),    // carrier-grade NAT
        AddressRange.Parse("127.0.0.0/8"),      // loopback
        AddressRange.Parse("169.254.0.0/16"),   // link-local, incl. cloud metadata 169.254.169.254
        AddressRange.Parse("172.16.0.0/12"),    // private
        AddressRange.Parse("192.0.0.0/24"),     // IETF protocol assignments
        AddressRange.Parse("192.0.2.0/24"),     // documentation
        AddressRange.Parse("192.88.99.0/24"),   // 6to4 relay anycast
        AddressRange.Parse("192.168.0.0/16"),   // private
        AddressRange.Parse("198.18.0.0/15"),    // benchmarking
        AddressRange.Parse("198.51.100.0/24"),  // documentation
        AddressRange.Parse("203.0.113.0/24"),   // documentation
        AddressRange.Parse("224.0.0.0/4"),      // multicast
        AddressRange.Parse("240.0.0.0/4"),      // reserved, incl. broadcast 255.255.255.255
    ];

    // Only global unicast (2000::/3) can be public; everything outside it (::1, ::, fc00::/7, fe80::/10, fec0::/10,
    // ff00::/8, ...) is refused unless it embeds an IPv4 address, which is then judged as IPv4.
    private static readonly AddressRange GlobalUnicastV6 = AddressRange.Parse("2000::/3");

    private static readonly AddressRange[] ForbiddenInsideGlobalUnicastV6 =
    [
        AddressRange.Parse("2001::/23"),        // IETF protocol assignments, incl. Teredo 2001::/32
        AddressRange.Parse("2001:db8::/32"),    // documentation
    ];

    private static readonly AddressRange Nat64 = AddressRange.Parse("64:ff9b::/96");
    private static readonly AddressRange SixToFour = AddressRange.Parse("2002::/16");
    private static readonly AddressRange IPv4Compatible = AddressRange.Parse("::/96");

    public static bool IsForbidden(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            return IsForbiddenV4(address.MapToIPv4());

        return address.AddressFamily switch
        {
            System.Net.Sockets.AddressFamily.InterNetwork => IsForbiddenV4(address),
            System.Net.Sockets.AddressFamily.InterNetworkV6 => IsForbiddenV6(address),
            _ => true,
        };
    }

    private static bool IsForbiddenV4(IPAddress address) => ForbiddenV4.Any(range => range.Contains(address));

    private static bool IsForbiddenV6(IPAddress address)
    {
        if (address.ScopeId != 0)
            return true;

        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address) || IPv4Compatible.Contains(address))
            return IsForbiddenV4(new IPAddress(bytes.AsSpan(12, 4)));

        if (SixToFour.Contains(address))
            return IsForbiddenV4(new IPAddress(bytes.AsSpan(2, 4)));

        return !GlobalUnicastV6.Contains(address)
            || ForbiddenInsideGlobalUnicastV6.Any(range => range.Contains(address));
    }
}
