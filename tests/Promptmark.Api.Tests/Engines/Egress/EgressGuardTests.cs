using System.Net;
using System.Net.Sockets;
using Promptmark.Api.Engines.Egress;

namespace Promptmark.Api.Tests.Engines.Egress;

/// <summary>Through a real HttpClient, against a listener on loopback only.</summary>
public sealed class EgressGuardTests : IDisposable
{
    private const string PublicLookingName = "tools.example.com";

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private int accepted;

    public EgressGuardTests()
    {
        listener.Start();
        _ = AnswerAsync();
    }

    private int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    [Fact]
    public async Task A_name_resolving_to_loopback_is_refused_and_nothing_connects()
    {
        using var client = ClientResolvingTo("127.0.0.1", allowedHosts: []);

        var failure = await Should.ThrowAsync<HttpRequestException>(
            client.GetAsync($"http://{PublicLookingName}:{Port}/", TestContext.Current.CancellationToken));

        failure.InnerException.ShouldBeOfType<EgressRefusedException>();
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Volatile.Read(ref accepted).ShouldBe(0);
    }

    [Fact]
    public async Task Localhost_is_refused_and_nothing_connects()
    {
        using var client = ClientResolvingTo("127.0.0.1", allowedHosts: []);

        var failure = await Should.ThrowAsync<HttpRequestException>(
            client.GetAsync($"http://localhost:{Port}/", TestContext.Current.CancellationToken));

        failure.InnerException.ShouldBeOfType<EgressRefusedException>();
        Volatile.Read(ref accepted).ShouldBe(0);
    }

    [Fact]
    public async Task With_the_host_and_port_allowlisted_the_request_reaches_the_listener()
    {
        using var client = ClientResolvingTo("127.0.0.1", allowedHosts: [$"{PublicLookingName}:{Port}"]);

        using var response = await client.GetAsync($"http://{PublicLookingName}:{Port}/", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Volatile.Read(ref accepted).ShouldBe(1);
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

    public void Dispose() => listener.Stop();

    private HttpClient ClientResolvingTo(string address, string[] allowedHosts) =>
        new(EgressGuard.CreateHandler(new EgressOptions { AllowedHosts = [.. allowedHosts] }, new ScriptedResolver([address])));

    private async Task AnswerAsync()
    {
        try
        {
            while (true)
            {
                using var socket = await listener.AcceptSocketAsync();
                Interlocked.Increment(ref accepted);
                var buffer = new byte[4096];
                await socket.ReceiveAsync(buffer);
                await socket.SendAsync("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"u8.ToArray());
                socket.Shutdown(SocketShutdown.Both);
            }
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException)
        {
        }
    }
}
