using System.Net;
using Promptmark.Api.Engines.Egress;

namespace Promptmark.Api.Tests.Engines.Egress;

public sealed class GuardedConnectTests
{
    private const string PublicAddress = "93.184.216.34";

    private readonly RecordingConnector connector = new();

    private GuardedConnect Guard(IHostResolver resolver, params string[] allowedHosts) =>
        new(new EgressOptions { AllowedHosts = [.. allowedHosts] }, resolver, connector);

    [Fact]
    public async Task A_public_name_is_connected_to_at_the_address_resolved_at_connect_time()
    {
        await Guard(new ScriptedResolver([PublicAddress])).OpenAsync("mcp.example.com", 443, TestContext.Current.CancellationToken);

        connector.Attempts.ShouldBe([new IPEndPoint(IPAddress.Parse(PublicAddress), 443)]);
    }

    [Fact]
    public async Task A_name_that_rebinds_to_the_metadata_address_is_refused_without_a_connect_attempt()
    {
        var resolver = new ScriptedResolver([PublicAddress], ["169.254.169.254"]);
        var guard = Guard(resolver);
        new ConnectionUrlPolicy(new EgressOptions()).Check("https://rebind.example.com/mcp").IsAllowed.ShouldBeTrue();
        await guard.OpenAsync("rebind.example.com", 443, TestContext.Current.CancellationToken);
        connector.Attempts.Clear();

        var refusal = await Should.ThrowAsync<EgressRefusedException>(
            guard.OpenAsync("rebind.example.com", 443, TestContext.Current.CancellationToken).AsTask());

        refusal.Message.ShouldBe(EgressRefusals.AddressNotAllowed);
        refusal.Message.ShouldNotContain("169.254");
        resolver.Lookups.ShouldBe(2);
        connector.Attempts.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_name_with_both_public_and_private_answers_is_refused_entirely()
    {
        var guard = Guard(new ScriptedResolver([PublicAddress, "10.0.0.5", "2606:4700:4700::1111"]));

        await Should.ThrowAsync<EgressRefusedException>(
            guard.OpenAsync("mixed.example.com", 443, TestContext.Current.CancellationToken).AsTask());

        connector.Attempts.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:c0a8:101::1")]
    [InlineData("fd00::1")]
    [InlineData("0.0.0.0")]
    public async Task A_name_resolving_to_a_forbidden_address_is_refused(string answer)
    {
        var guard = Guard(new ScriptedResolver([answer]));

        await Should.ThrowAsync<EgressRefusedException>(
            guard.OpenAsync("innocent.example.com", 443, TestContext.Current.CancellationToken).AsTask());

        connector.Attempts.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("2130706433")]
    [InlineData("0x7f.1")]
    [InlineData("::1")]
    [InlineData("[::ffff:a9fe:a9fe]")]
    [InlineData("localhost")]
    [InlineData("metadata.google.internal")]
    public async Task Forbidden_literals_and_names_are_refused_before_any_lookup(string host)
    {
        var resolver = new ScriptedResolver([PublicAddress]);

        await Should.ThrowAsync<EgressRefusedException>(
            Guard(resolver).OpenAsync(host, 80, TestContext.Current.CancellationToken).AsTask());

        resolver.Lookups.ShouldBe(0);
        connector.Attempts.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_allowlisted_host_and_port_may_reach_a_private_address()
    {
        var guard = Guard(new ScriptedResolver(["10.0.0.5"]), "mcp.internal.example:3101");

        await guard.OpenAsync("mcp.internal.example", 3101, TestContext.Current.CancellationToken);
        await Should.ThrowAsync<EgressRefusedException>(
            guard.OpenAsync("mcp.internal.example", 3102, TestContext.Current.CancellationToken).AsTask());

        connector.Attempts.ShouldBe([new IPEndPoint(IPAddress.Parse("10.0.0.5"), 3101)]);
    }
}
