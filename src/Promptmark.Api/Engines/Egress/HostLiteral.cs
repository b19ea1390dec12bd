using System.Globalization;
using System.Net;

namespace Promptmark.Api.Engines.Egress;

/// <summary>
/// Reads a host the way the most lenient resolver would (inet_aton / WHATWG URL rules), so that an IP address in any
/// spelling — <c>2130706433</c>, <c>0177.0.0.1</c>, <c>0x7f.1</c>, <c>127.0.0.1.</c> — is recognised as an address.
/// </summary>
internal static class HostLiteral
{
    /// <summary>Lower-cases the host, drops IPv6 brackets and one trailing dot.</summary>
    public static string Normalize(string host)
    {
        var normalized = host.Trim().ToLowerInvariant();
        if (normalized.StartsWith('[') && normalized.EndsWith(']'))
            normalized = normalized[1..^1];
        return normalized.EndsWith('.') ? normalized[..^1] : normalized;
    }

    /// <summary>
    /// Classifies a normalized host: an IP address, a name, or something that looks numeric yet is not a valid
    /// address (refused, because some resolver somewhere would read it as one).
    /// </summary>
    public static HostKind Read(string normalizedHost, out IPAddress? address)
    {
        address = null;
        if (normalizedHost.Contains(':'))
            return IPAddress.TryParse(normalizedHost, out address) ? HostKind.Address : HostKind.Ambiguous;

        if (TryParseLenientIPv4(normalizedHost, out var v4))
        {
            address = v4;
            return HostKind.Address;
        }

        var lastLabel = normalizedHost[(normalizedHost.LastIndexOf('.') + 1)..];
        return LooksNumeric(lastLabel) ? HostKind.Ambiguous : HostKind.Name;
    }

    private static bool LooksNumeric(string label) =>
        label.Length > 0 && (label.All(char.IsAsciiDigit) || label.StartsWith("0x", StringComparison.Ordinal));

    private static bool TryParseLenientIPv4(string host, out IPAddress address)
    {
        address = IPAddress.None;
        var parts = host.Split('.');
        if (parts.Length is < 1 or > 4)
            return false;

        var values = new ulong[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!TryParseNumber(parts[i], out values[i]))
                return false;
        }

        for (var i = 0; i < values.Length - 1; i++)
        {
            if (values[i] > 255)
                return false;
        }

        var lastPartBits = 8 * (5 - parts.Length);
        if (values[^1] >= 1UL << lastPartBits)
            return false;

        ulong combined = values[^1];
        for (var i = 0; i < values.Length - 1; i++)
            combined |= values[i] << (8 * (3 - i));

        address = new IPAddress(new[]
        {
            (byte)(combined >> 24), (byte)(combined >> 16), (byte)(combined >> 8), (byte)combined,
        });
        return true;
    }

    private static bool TryParseNumber(string part, out ulong value)
    {
        value = 0;
        if (part.Length == 0 || part.Length > 40)
            return false;

        if (part.StartsWith("0x", StringComparison.Ordinal))
            return part.Length == 2 || ulong.TryParse(part[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);

        if (part.Length > 1 && part[0] == '0')
            return TryParseOctal(part[1..], out value);

        return part.All(char.IsAsciiDigit) && ulong.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryParseOctal(string digits, out ulong value)
    {
        value = 0;
        foreach (var digit in digits)
        {
            if (digit is < '0' or > '7' || value > ulong.MaxValue >> 3)
                return false;
            value = (value << 3) + (ulong)(digit - '0');
        }
        return true;
    }
}

internal enum HostKind
{
    Name,
    Address,
    Ambiguous,
}
