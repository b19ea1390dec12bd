using Microsoft.Extensions.Configuration;
using Promptmark.Api.Engines.Egress;

namespace Promptmark.Api.Tests.Engines.Egress;

public sealed class ConnectionUrlPolicyTests
{
    private static readonly ConnectionUrlPolicy NoAllowlist = new(new EgressOptions());

    private static readonly ConnectionUrlPolicy AllowsLocalMcp = new(new EgressOptions
    {
        AllowedHosts = ["127.0.0.1:3101", "localhost:8080", "mcp.internal.example", "[::1]:3103"],
    });

    private static readonly string[] PlainRefusals =
    [
        EgressRefusals.AddressNotAllowed, EgressRefusals.NotAnAbsoluteUrl, EgressRefusals.UnsupportedScheme,
        EgressRefusals.HttpsRequired, EgressRefusals.CredentialsInUrl,
    ];

    public static TheoryData<string> HostileHosts => new(HostileUrls.Hosts);

    public static TheoryData<string> HostileUrlList => new(HostileUrls.Urls);

    [Fact]
    public void The_hostile_tables_hold_well_over_a_hundred_urls() =>
        (HostileUrls.Hosts.Length * 2 + HostileUrls.Urls.Length).ShouldBeGreaterThan(200);

    [Theory]
    [MemberData(nameof(HostileHosts))]
    public void Hostile_hosts_over_https_are_refused_as_not_public(string host)
    {
        var check = NoAllowlist.Check($"https://{host}/mcp");
        check.IsAllowed.ShouldBeFalse();
        check.Refusal.ShouldBeOneOf(EgressRefusals.AddressNotAllowed, EgressRefusals.NotAnAbsoluteUrl);
    }

    [Theory]
    [MemberData(nameof(HostileHosts))]
    public void Hostile_hosts_over_http_are_refused(string host)
    {
        var check = NoAllowlist.Check($"http://{host}/");
        check.IsAllowed.ShouldBeFalse();
        check.Refusal.ShouldBeOneOf(PlainRefusals);
    }

    [Theory]
    [MemberData(nameof(HostileHosts))]
    public void Hostile_hosts_are_refused_even_when_other_local_hosts_are_allowed(string host) =>
        AllowsLocalMcp.Check($"https://{host}:9/mcp").IsAllowed.ShouldBeFalse();

    [Theory]
    [MemberData(nameof(HostileUrlList))]
    public void Hostile_urls_are_refused_with_a_plain_reason(string url)
    {
        var check = AllowsLocalMcp.Check(url);
        check.IsAllowed.ShouldBeFalse();
        check.Refusal.ShouldBeOneOf(PlainRefusals);
    }

    [Fact]
    public void The_address_refusal_names_no_address()
    {
        var refusal = NoAllowlist.Check("https://169.254.169.254/").Refusal!;
        refusal.ShouldBe(EgressRefusals.AddressNotAllowed);
        refusal.ShouldNotContain("169");
    }

    [Theory]
    [InlineData("https://mcp.example.com/mcp")]
    [InlineData("https://MCP.Example.com:8443/mcp?x=1")]
    [InlineData("https://8.8.8.8/")]
    [InlineData("https://[2606:4700:4700::1111]/")]
    [InlineData("https://xn--mnchen-3ya.de/")]
    [InlineData("https://münchen.de/")]
    [InlineData("https://mcp.example.com./mcp")]
    public void Public_https_urls_are_allowed(string url) => NoAllowlist.Check(url).IsAllowed.ShouldBeTrue();

    [Theory]
    [InlineData("http://127.0.0.1:3101/mcp")]
    [InlineData("https://127.0.0.1:3101/mcp")]
    [InlineData("http://localhost:8080/")]
    [InlineData("http://LOCALHOST.:8080/")]
    [InlineData("http://mcp.internal.example/mcp")]
    [InlineData("http://mcp.internal.example:1234/mcp")]
    [InlineData("http://[::1]:3103/mcp")]
    public void Allowlisted_hosts_may_use_http_and_private_addresses(string url) =>
        AllowsLocalMcp.Check(url).IsAllowed.ShouldBeTrue();

    [Theory]
    [InlineData("http://127.0.0.1:3102/")]
    [InlineData("http://127.0.0.1/")]
    [InlineData("http://localhost:8081/")]
    [InlineData("http://[::1]:3101/")]
    [InlineData("http://other.internal.example/")]
    public void Allowlisting_covers_only_the_named_host_and_port(string url) =>
        AllowsLocalMcp.Check(url).IsAllowed.ShouldBeFalse();

    [Fact]
    public void The_allowlist_is_bound_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Promptmark:Connections:AllowedHosts:0"] = "127.0.0.1:3101",
                ["Promptmark:Connections:AllowedHosts:1"] = "mcp.internal.example",
            })
            .Build();

        var options = new EgressOptions();
        configuration.GetSection(EgressOptions.SectionName).Bind(options);

        options.AllowedHosts.ShouldBe(["127.0.0.1:3101", "mcp.internal.example"]);
    }
}
