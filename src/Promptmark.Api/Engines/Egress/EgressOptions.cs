namespace Promptmark.Api.Engines.Egress;

/// <summary>Operator settings for outbound connections, bound from <c>Promptmark:Connections</c>.</summary>
public sealed class EgressOptions
{
    public const string SectionName = "Promptmark:Connections";

    /// <summary>
    /// Entries of the form <c>host</c>, <c>host:port</c> or <c>[ipv6]:port</c>. A URL whose host (and port, when
    /// the entry names one) matches an entry may use plain http and may reach private or loopback addresses.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];
}
