using System.Net;
using Promptmark.Api.Engines.Egress;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Engines.Egress;

/// <summary>Through a real HttpClient, against a listener on loopback only.</summary>
public sealed class EgressGuardTests : IDisposable
{
    private const string PublicLookingName = "tools.example.com";

    private readonly ConnectionCounter listener = new(answersNoContent: true);

    private int Port => listener.Port;

    [Fact]
    public async Task A_name_resolving_to_loopback_is_refused_and_nothing_connects()
    {
        using var client = ClientResolvingTo("127.0.0.1", allowedHosts: []);

        var failure = await Should.ThrowAsync<HttpRequestException>(
            client.GetAsync($"http://{PublicLookingName}:{Port}/", TestContext.Current.CancellationToken));

        failure.InnerException.ShouldBeOfType<EgressRefusedException>();
        (await listener.AcceptedBeforeNowAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Localhost_is_refused_and_nothing_connects()
    {
        using var client = ClientResolvingTo("127.0.0.1", allowedHosts: []);

        var failure = await Should.ThrowAsync<HttpRequestException>(
            client.GetAsync($"http://localhost:{Port}/", TestContext.Current.CancellationToken));

        failure.InnerException.ShouldBeOfType<EgressRefusedException>();
        (await listener.AcceptedBeforeNowAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task With_the_host_and_port_allowlisted_the_request_reaches_the_listener()
    {
        using var client = ClientResolvingTo("127.0.0.1", allowedHosts: [$"{PublicLookingName}:{Port}"]);

        using var response = await client.GetAsync($"http://{PublicLookingName}:{Port}/", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        listener.Accepted.ShouldBe(1);
    }

    [Fact]
    public void The_handler_follows_no_redirects_and_ignores_environment_proxies()
    {
        using var handler = EgressGuard.CreateHandler(new EgressOptions());

        handler.AllowAutoRedirect.ShouldBeFalse();
        handler.UseProxy.ShouldBeFalse();
        handler.ConnectCallback.ShouldNotBeNull();
        handler.ConnectTimeout.ShouldBe(EgressGuard.ConnectTimeout);
        handler.PooledConnectionLifetime.ShouldBe(EgressGuard.PooledConnectionLifetime);
    }

    public void Dispose() => listener.Dispose();

    private HttpClient ClientResolvingTo(string address, string[] allowedHosts) =>
        new(EgressGuard.CreateHandler(new EgressOptions { AllowedHosts = [.. allowedHosts] }, new ScriptedResolver([address])));
}
