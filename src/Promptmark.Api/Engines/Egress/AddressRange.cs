using System.Net;

namespace Promptmark.Api.Engines.Egress;

/// <summary>A CIDR block, e.g. <c>10.0.0.0/8</c>.</summary>
internal sealed class AddressRange
{
    private readonly byte[] network;
    private readonly int prefixLength;

    private AddressRange(byte[] network, int prefixLength)
    {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    public static AddressRange Parse(string cidr)
    {
        var slash = cidr.IndexOf('/');
        return new AddressRange(IPAddress.Parse(cidr[..slash]).GetAddressBytes(), int.Parse(cidr[(slash + 1)..]));
    }

    public bool Contains(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        if (bytes.Length != network.Length)
            return false;

        var fullBytes = prefixLength / 8;
        for (var i = 0; i < fullBytes; i++)
        {
            if (bytes[i] != network[i])
                return false;
        }

        var remainingBits = prefixLength % 8;
        if (remainingBits == 0)
            return true;

        var mask = (byte)(0xFF << (8 - remainingBits));
        return (bytes[fullBytes] & mask) == (network[fullBytes] & mask);
    }
}
