namespace Promptmark.Api.Engines.Egress;

/// <summary>The operator's allowlist from <see cref="EgressOptions.AllowedHosts"/>, matched on host and optional port.</summary>
internal sealed class AllowedHosts
{
    private readonly List<(string Host, int? Port)> entries;

    public AllowedHosts(EgressOptions options)
    {
        entries = options.AllowedHosts
            .Where(entry => !string.IsNullOrWhiteSpace(entry))
            .Select(ParseEntry)
            .ToList();
    }

    public bool Allows(string host, int port)
    {
        var normalized = HostLiteral.Normalize(host);
        return entries.Any(entry => entry.Host == normalized && (entry.Port is null || entry.Port == port));
    }

    private static (string Host, int? Port) ParseEntry(string entry)
    {
        var trimmed = entry.Trim();
        var portSeparator = trimmed.LastIndexOf(':');
        var isBareIPv6 = trimmed.IndexOf(':') != portSeparator && !trimmed.StartsWith('[');
        var closingBracket = trimmed.LastIndexOf(']');
        if (portSeparator < 0 || isBareIPv6 || portSeparator < closingBracket)
            return (HostLiteral.Normalize(trimmed), null);

        if (!int.TryParse(trimmed[(portSeparator + 1)..], out var port) || port is < 1 or > 65535)
            throw new InvalidOperationException($"Promptmark:Connections:AllowedHosts has an invalid port in '{entry}'.");
        return (HostLiteral.Normalize(trimmed[..portSeparator]), port);
    }
}
