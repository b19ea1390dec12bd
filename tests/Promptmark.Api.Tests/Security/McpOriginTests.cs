using System.Net;
using Alba;
using Microsoft.AspNetCore.Http;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Security;

/// <summary>The DNS rebinding rules of the MCP transport, as the official conformance scenario `dns-rebinding-protection` checks them.</summary>
public sealed class McpOriginTests(PromptmarkApp app)
{
    private const string Initialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"origin-test","version":"1.0.0"}}}""";

    [Fact]
    public async Task a_foreign_origin_is_refused()
    {
        var user = await app.NewUserAsync();
        await InitializeAsync(user, host: null, origin: "http://evil.example.com", expected: 403);
    }

    [Fact]
    public async Task a_foreign_host_name_on_a_loopback_address_is_refused()
    {
        var user = await app.NewUserAsync();
        var problem = await InitializeAsync(user, host: "evil.example.com:5080", origin: "http://evil.example.com:5080", expected: 403);
        problem.ShouldContain("'evil.example.com' is not one this server answers to");
    }

    [Theory]
    [InlineData("localhost:5080", "http://localhost:5080")]
    [InlineData("127.0.0.1:5089", "http://127.0.0.1:5089")]
    [InlineData("[::1]:5080", null)]
    public async Task a_loopback_host_and_origin_are_served(string host, string? origin)
    {
        var user = await app.NewUserAsync();
        await InitializeAsync(user, host, origin, expected: 200);
    }

    private async Task<string> InitializeAsync(TestUser user, string? host, string? origin, int expected)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Text(Initialize).ToUrl("/mcp");
            s.WithRequestHeader("Content-Type", "application/json");
            s.WithRequestHeader("Accept", "application/json, text/event-stream");
            s.WithBearerToken(user.Token);
            if (origin is not null) s.WithRequestHeader("Origin", origin);
            s.ConfigureHttpContext(http =>
            {
                http.Connection.LocalIpAddress = IPAddress.Loopback;
                if (host is not null) http.Request.Host = HostString.FromUriComponent(host);
            });
            s.StatusCodeShouldBe(expected);
        });
        return await result.ReadAsTextAsync();
    }
}
