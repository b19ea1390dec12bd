using ModelContextProtocol.Client;
using Promptmark.Api.Tests.Connections.Remote;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.TestServers;

/// <summary>server-everything behind the auth proxy, driven by the MCP C# SDK client, in both HTTP transports.</summary>
public sealed class EverythingServerTests
{
    private const string Token = "t0k3n";

    [Theory]
    [InlineData(EverythingTransport.StreamableHttp)]
    [InlineData(EverythingTransport.Sse)]
    public async Task a_client_with_the_credential_lists_and_calls_tools_through_the_proxy(EverythingTransport transport)
    {
        await using var server = await EverythingServer.StartAsync(transport);
        await using var proxy = await StartProxyAsync(server);
        await using var client = await RemoteMcpClient.ConnectAsync(proxy.Endpoint(server.Endpoint), transport, BearerToken);

        (await client.ListAllToolNamesAsync()).ShouldBeSubsetOf(
        [
            "echo", "get-annotated-message", "get-env", "get-resource-links", "get-resource-reference", "get-structured-content",
            "get-sum", "get-tiny-image", "gzip-file-as-resource", "toggle-simulated-logging", "toggle-subscriber-updates",
            "trigger-long-running-operation", "simulate-research-query",
        ]);
        McpCalls.Text(await client.CallAsync("echo", new { message = "hello" })).ShouldBe("Echo: hello");
        McpCalls.Text(await client.CallAsync("get-sum", new { a = 2, b = 3 })).ShouldBe("The sum of 2 and 3 is 5.");
        proxy.Requests.ShouldAllBe(r => r.Header("Authorization") == $"Bearer {Token}");
    }

    [Theory]
    [InlineData(EverythingTransport.StreamableHttp)]
    [InlineData(EverythingTransport.Sse)]
    public async Task progress_notifications_stream_through_the_proxy_before_the_result(EverythingTransport transport)
    {
        await using var server = await EverythingServer.StartAsync(transport);
        await using var proxy = await StartProxyAsync(server);
        await using var client = await RemoteMcpClient.ConnectAsync(proxy.Endpoint(server.Endpoint), transport, BearerToken);
        var progress = new RecordingProgress();

        var result = await client.CallToolAsync("trigger-long-running-operation", new Dictionary<string, object?> { ["duration"] = 1, ["steps"] = 4 },
            progress, cancellationToken: TestContext.Current.CancellationToken).Bounded();
        var stepsBeforeResult = progress.Values.Count;

        McpCalls.Text(result).ShouldStartWith("Long running operation completed");
        stepsBeforeResult.ShouldBeGreaterThan(0, "the steps stream through the proxy as they happen, not with the result");
    }

    [Fact]
    public async Task bad_arguments_and_unknown_tools_come_back_as_error_results()
    {
        await using var server = await EverythingServer.StartAsync(EverythingTransport.StreamableHttp);
        await using var client = await RemoteMcpClient.ConnectAsync(server.Endpoint, EverythingTransport.StreamableHttp);

        (await client.CallErrorAsync("get-sum", new { a = "two", b = 3 })).ShouldContain("Input validation error");
        (await client.CallErrorAsync("no-such-tool")).ShouldContain("Tool no-such-tool not found");
    }

    [Fact]
    public async Task a_stopped_server_refuses_connections_and_serves_again_after_a_restart_on_the_same_port()
    {
        await using var server = await EverythingServer.StartAsync(EverythingTransport.StreamableHttp);
        var port = server.Port;

        await server.StopAsync();
        await Should.ThrowAsync<HttpRequestException>(() => RemoteMcpClient.ConnectAsync(server.Endpoint, EverythingTransport.StreamableHttp));

        await server.RestartAsync();
        server.Port.ShouldBe(port);
        await using var client = await RemoteMcpClient.ConnectAsync(server.Endpoint, EverythingTransport.StreamableHttp);
        McpCalls.Text(await client.CallAsync("echo", new { message = "back" })).ShouldBe("Echo: back");
    }

    private static Dictionary<string, string> BearerToken => new() { ["Authorization"] = $"Bearer {Token}" };

    private static async Task<AuthProxy> StartProxyAsync(EverythingServer server)
    {
        var proxy = new AuthProxy(server.BaseAddress, LoopbackPort.Reserve()) { Required = RequiredHeader.Bearer(Token) };
        await proxy.StartAsync();
        return proxy;
    }
}
