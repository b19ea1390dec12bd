using System.Net;
using System.Net.Http.Json;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.TestServers;

/// <summary>
/// The proxy in front of server-everything; a second, open proxy behind it shows what was (not) forwarded upstream.
/// </summary>
public sealed class AuthProxyTests : IAsyncLifetime
{
    private EverythingServer _server = null!;
    private AuthProxy _upstream = null!;
    private AuthProxy _proxy = null!;

    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });

    public async ValueTask InitializeAsync()
    {
        _server = await EverythingServer.StartAsync(EverythingTransport.StreamableHttp);
        _upstream = new AuthProxy(_server.BaseAddress, LoopbackPort.Reserve());
        await _upstream.StartAsync();
        _proxy = new AuthProxy(_upstream.BaseAddress, LoopbackPort.Reserve()) { Required = new RequiredHeader("X-API-Key", "k3y") };
        await _proxy.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _upstream.DisposeAsync();
        await _server.DisposeAsync();
    }

    private Uri Endpoint => _proxy.Endpoint(_server.Endpoint);

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    public async Task a_request_without_the_exact_header_gets_401_and_is_not_forwarded(string? key)
    {
        var headers = key is null ? null : new Dictionary<string, string> { ["X-API-Key"] = key };

        var refused = await Should.ThrowAsync<HttpRequestException>(() => RemoteMcpClient.ConnectAsync(Endpoint, EverythingTransport.StreamableHttp, headers));

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        _proxy.Requests.Count.ShouldBe(1);
        _upstream.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task the_credential_and_other_headers_are_forwarded_and_recorded()
    {
        await using var client = await RemoteMcpClient.ConnectAsync(Endpoint, EverythingTransport.StreamableHttp,
            new Dictionary<string, string> { ["X-API-Key"] = "k3y", ["X-Trace"] = "abc" });

        await client.CallAsync("echo", new { message = "hi" });

        _upstream.LastRequest!.Header("X-API-Key").ShouldBe("k3y");
        _upstream.LastRequest.Header("X-Trace").ShouldBe("abc");
        _proxy.Requests.Count.ShouldBe(_upstream.Requests.Count);
        _proxy.Requests.ShouldAllBe(r => r.Header("Authorization") == null);
    }

    [Fact]
    public async Task a_redirect_is_answered_instead_of_forwarding()
    {
        _proxy.Redirect = new ProxyRedirect(new Uri("http://127.0.0.1:9/elsewhere"));

        using var response = await Http.PostAsJsonAsync(Endpoint, new { }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.TemporaryRedirect);
        response.Headers.Location.ShouldBe(new Uri("http://127.0.0.1:9/elsewhere"));
        _upstream.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task expired_sessions_get_404_which_the_sdk_client_does_not_recover_from_while_a_new_session_works()
    {
        var key = new Dictionary<string, string> { ["X-API-Key"] = "k3y" };
        await using var before = await RemoteMcpClient.ConnectAsync(Endpoint, EverythingTransport.StreamableHttp, key);

        _proxy.ExpireSessions();

        var expired = await Should.ThrowAsync<HttpRequestException>(() => before.CallAsync("echo", new { message = "old" }));
        expired.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        _proxy.LastRequest!.Header("Mcp-Session-Id").ShouldNotBeNull();
        await using var after = await RemoteMcpClient.ConnectAsync(Endpoint, EverythingTransport.StreamableHttp, key);
        McpCalls.Text(await after.CallAsync("echo", new { message = "new" })).ShouldBe("Echo: new");
    }

    [Fact]
    public async Task a_stopped_upstream_is_a_502()
    {
        await _server.StopAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = JsonContent.Create(new { }) };
        request.Headers.Add("X-API-Key", "k3y");
        (await Http.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.BadGateway);
    }
}
