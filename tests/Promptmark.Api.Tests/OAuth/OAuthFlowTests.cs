using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Authentication;
using ModelContextProtocol.Client;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.OAuth;

/// <summary>Promptmark as the OAuth 2.1 authorization server of its MCP endpoint, driven by real clients.</summary>
public sealed class OAuthFlowTests(PromptmarkApp app)
{
    private readonly OAuthDance _dance = new(app);

    [Fact]
    public async Task the_sdk_client_registers_gets_consent_and_calls_tools_with_its_access_token()
    {
        var user = await app.NewUserAsync();
        var http = app.Host.Server.CreateClient();
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(http.BaseAddress!, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            OAuth = new ClientOAuthOptions
            {
                RedirectUri = new Uri(OAuthDance.RedirectUri),
                DynamicClientRegistration = new DynamicClientRegistrationOptions { ClientName = "SDK flow test" },
                AuthorizationRedirectDelegate = async (authorizationUrl, _, _) => (await _dance.ApproveAsync(user, authorizationUrl))["code"],
            },
        }, http, NullLoggerFactory.Instance, ownsHttpClient: true);
        await using var client = await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = "2025-11-25" },
            cancellationToken: TestContext.Current.CancellationToken).Bounded();

        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken).Bounded();
        tools.ShouldContain(tool => tool.Name == "create_prompt");
        var created = await client.CallToolAsync("create_prompt", new Dictionary<string, object?> { ["title"] = "Via OAuth", ["prompt"] = "Hello" },
            cancellationToken: TestContext.Current.CancellationToken).Bounded();
        created.IsError.ShouldNotBe(true);

        var mine = await app.GetAsync(user, "/api/prompts", 200);
        mine.GetRawText().ShouldContain("Via OAuth");
    }

    [Fact]
    public async Task an_access_token_works_on_mcp_only_and_carries_the_granted_scopes()
    {
        var user = await app.NewUserAsync();
        var (_, tokens) = await _dance.SignInAsync(user);
        tokens.GetProperty("scope").GetString()!.Split(' ').ShouldBe(["read", "write", "execute", "offline_access"], ignoreOrder: true);
        var access = tokens.GetProperty("access_token").GetString()!;

        (await InitializeAsync(access)).ShouldBe(HttpStatusCode.OK);
        using var api = app.Host.Server.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        (await api.GetAsync("/api/prompts", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_token_for_another_resource_is_refused()
    {
        var user = await app.NewUserAsync();
        var clientId = await _dance.RegisterAsync();
        var callback = await _dance.ApproveAsync(user, new Uri(_dance.AuthorizeUrl(clientId, resource: "https://other.example/mcp")));
        callback["error"].ShouldBe("invalid_target");
    }

    [Fact]
    public async Task pkce_plain_is_refused()
    {
        var user = await app.NewUserAsync();
        var clientId = await _dance.RegisterAsync();
        var callback = await _dance.ApproveAsync(user, new Uri(_dance.AuthorizeUrl(clientId, method: "plain")));
        callback["error"].ShouldBe("invalid_request");
        callback.ShouldNotContainKey("code");
    }

    [Fact]
    public async Task a_code_is_redeemed_once()
    {
        var user = await app.NewUserAsync();
        var clientId = await _dance.RegisterAsync();
        var code = (await _dance.ApproveAsync(user, new Uri(_dance.AuthorizeUrl(clientId))))["code"];
        var redeem = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = OAuthDance.RedirectUri, ["client_id"] = clientId, ["code_verifier"] = _dance.Verifier,
        };
        var first = await _dance.TokenAsync(redeem);
        first.Status.ShouldBe(HttpStatusCode.OK);
        var again = await _dance.TokenAsync(redeem);
        again.Status.ShouldBe(HttpStatusCode.BadRequest);
        again.Body.GetProperty("error").GetString().ShouldBe("invalid_grant");
        // A code used twice leaked: the tokens it bought end with its authorization.
        (await InitializeAsync(first.Body.GetProperty("access_token").GetString()!)).ShouldBe(HttpStatusCode.Unauthorized);
        (await RefreshAsync(clientId, first.Body.GetProperty("refresh_token").GetString()!)).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task a_refresh_token_rotates_and_replaying_the_old_one_ends_the_whole_grant()
    {
        var user = await app.NewUserAsync();
        var (clientId, tokens) = await _dance.SignInAsync(user);
        var first = tokens.GetProperty("refresh_token").GetString()!;
        var refreshed = await RefreshAsync(clientId, first);
        refreshed.Status.ShouldBe(HttpStatusCode.OK);
        var second = refreshed.Body.GetProperty("refresh_token").GetString()!;
        second.ShouldNotBe(first);
        (await InitializeAsync(refreshed.Body.GetProperty("access_token").GetString()!)).ShouldBe(HttpStatusCode.OK);

        var replayed = await RefreshAsync(clientId, first);
        replayed.Status.ShouldBe(HttpStatusCode.BadRequest);
        replayed.Body.GetProperty("error").GetString().ShouldBe("invalid_grant");
        // The replay means a refresh token leaked (OAuth 2.1 §4.3.1): the current one and its access token end too.
        (await RefreshAsync(clientId, second)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await InitializeAsync(refreshed.Body.GetProperty("access_token").GetString()!)).ShouldBe(HttpStatusCode.Unauthorized);
        (await app.GetAsync(user, "/api/oauth/grants")).GetProperty("grants").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task revoking_a_refresh_token_ends_the_grant_and_its_access_tokens()
    {
        var user = await app.NewUserAsync();
        var (clientId, tokens) = await _dance.SignInAsync(user);
        var refresh = tokens.GetProperty("refresh_token").GetString()!;
        var access = tokens.GetProperty("access_token").GetString()!;
        using var http = app.Host.Server.CreateClient();
        var revoked = await http.PostAsync("/oauth/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = refresh, ["token_type_hint"] = "refresh_token", ["client_id"] = clientId,
        }), TestContext.Current.CancellationToken);
        revoked.StatusCode.ShouldBe(HttpStatusCode.OK);

        (await RefreshAsync(clientId, refresh)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await InitializeAsync(access)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_strangers_token_sees_only_the_strangers_data()
    {
        var owner = await app.NewUserAsync();
        var created = await app.CreatePromptAsync(owner, new { title = "Owner's secret plan", prompt = "p" });
        var stranger = await app.NewUserAsync();
        var (_, tokens) = await _dance.SignInAsync(stranger);

        // The stranger's MCP client, holding the OAuth access token where its session token would be.
        await using var client = await app.McpClientAsync(stranger with { Token = tokens.GetProperty("access_token").GetString()! });
        var result = await client.CallToolAsync("get_prompt", new Dictionary<string, object?> { ["id"] = created.GetProperty("id").GetGuid() },
            cancellationToken: TestContext.Current.CancellationToken).Bounded();
        result.IsError.ShouldBe(true);
        JsonSerializer.Serialize(result).ShouldNotContain("Owner's secret plan");
    }

    private Task<(HttpStatusCode Status, JsonElement Body)> RefreshAsync(string clientId, string refreshToken) =>
        _dance.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = clientId });

    /// <summary>An MCP initialize request with the token: 200 when the token is taken, 401 when it is not.</summary>
    private async Task<HttpStatusCode> InitializeAsync(string accessToken) =>
        (await _dance.PostMcpAsync(accessToken,
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"oauth-test","version":"1"}}}""")).StatusCode;
}
