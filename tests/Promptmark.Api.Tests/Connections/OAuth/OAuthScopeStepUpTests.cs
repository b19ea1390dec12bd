using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Connections.OAuth;

/// <summary>
/// Step-up authorization: a signed-in connection whose server answers a tool call 403 <c>insufficient_scope</c> says
/// which scope it needs a new sign-in for, the next sign-in asks for the scope held and the scope demanded, and the call
/// then goes through.
/// </summary>
public sealed class OAuthScopeStepUpTests(PromptmarkApp app) : IAsyncLifetime
{
    private readonly LeakWatch watch = new(app);
    private OAuthProtectedServer server = null!;

    public async ValueTask InitializeAsync() => server = await OAuthProtectedServer.StartAsync();

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task a_call_refused_for_want_of_scope_asks_for_a_sign_in_with_the_wider_scope_that_then_lets_it_through()
    {
        server.ToolCallScope = "mcp:write";
        var user = await app.NewUserAsync();
        var browser = new OAuthBrowser(watch, user);
        var id = await app.CreateConnectionAsync(user, server.McpUrl);
        (await browser.SignInAsync(id)).GetProperty("connection").Str("status").ShouldBe("connected");

        var refused = await watch.SendAsync(user, HttpMethod.Post, $"/api/mcp/connections/{id}/tools/echo/execute", new { arguments = new { text = "hi" } }, 409);
        refused.Str("detail").ShouldContain("re-authorization needed for scope \"mcp mcp:write\"");
        var connection = await app.GetAsync(user, $"/api/mcp/connections/{id}");
        connection.Str("status").ShouldBe("reauthorization_needed");
        connection.Str("last_error").ShouldContain("mcp:write");

        (await browser.SignInAsync(id)).GetProperty("connection").Str("status").ShouldBe("connected");
        server.RequestedScopes.ShouldBe(["mcp", "mcp mcp:write"]);
        var echo = await watch.SendAsync(user, HttpMethod.Post, $"/api/mcp/connections/{id}/tools/echo/execute", new { arguments = new { text = "hi" } }, 200);
        echo.ResultText().ShouldBe("hi");
        (await watch.PlacesHoldingAsync(server.AccessCanary)).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_connection_with_a_token_of_its_own_is_told_its_token_lacks_the_scope()
    {
        server.ToolCallScope = "mcp:write";
        var user = await app.NewUserAsync();
        await new OAuthBrowser(watch, user).SignInAsync(await app.CreateConnectionAsync(user, server.McpUrl, name: "signed in"));
        var token = server.LastIssuedAccessToken;
        var id = await app.ConnectAsync(user, server.McpUrl, "bearer", token);

        var refused = await watch.SendAsync(user, HttpMethod.Post, $"/api/mcp/connections/{id}/tools/echo/execute", new { arguments = new { text = "hi" } }, 502);

        refused.Str("detail").ShouldContain("scope \"mcp mcp:write\"");
        refused.GetRawText().ShouldNotContain(token);
    }
}
