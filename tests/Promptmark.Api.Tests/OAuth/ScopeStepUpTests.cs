using System.Net;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.OAuth;

/// <summary>
/// MCP's step-up: an OAuth token without a tool's scope is refused at the HTTP level with an insufficient_scope challenge
/// a client can act on. Raw HTTP, not the C# SDK client: SDK 2.3.1 first asks for every scope the resource metadata
/// lists and steps up only beyond what it asked for, so it never meets this challenge from Promptmark.
/// </summary>
public sealed class ScopeStepUpTests(PromptmarkApp app)
{
    private readonly OAuthDance _dance = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <param name="promptLength">Past 64 KB the body is read through a buffering stream rather than held in the request's pipe.</param>
    [Theory]
    [InlineData(1)]
    [InlineData(100_000)]
    public async Task a_tool_call_beyond_the_tokens_scopes_is_a_403_naming_the_scopes_to_ask_for(int promptLength)
    {
        var user = await app.NewUserAsync();
        var (_, tokens) = await _dance.SignInAsync(user, scope: "read");

        using var response = await _dance.PostMcpAsync(tokens.GetProperty("access_token").GetString()!,
            """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"create_prompt","arguments":{"title":"Sneaky","prompt":"P"}}}"""
                .Replace("\"P\"", $"\"{new string('p', promptLength)}\""));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var challenge = response.Headers.WwwAuthenticate.Single();
        challenge.Scheme.ShouldBe("Bearer");
        var parameter = challenge.Parameter.ShouldNotBeNull();
        parameter.ShouldContain("error=\"insufficient_scope\"");
        parameter.ShouldContain("scope=\"read write\"");
        parameter.ShouldContain("resource_metadata=\"http://localhost/.well-known/oauth-protected-resource/mcp\"");
        (await app.GetAsync(user, "/api/prompts")).GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task hiding_what_a_credential_cannot_call_is_the_users_choice_and_off_by_default()
    {
        var owner = await app.NewUserAsync();
        var key = (await app.PostAsync(owner, "/api/keys", new { name = "reader", scopes = new[] { "read" } }, 201)).Str("key");
        var reader = owner with { Token = key };
        (await app.GetAsync(owner, "/api/mcp/settings")).GetProperty("hide_uncallable_tools").GetBoolean().ShouldBeFalse();
        await using (var mcp = await app.McpClientAsync(reader))
            (await mcp.ListToolsAsync(cancellationToken: Ct)).ShouldContain(t => t.Name == "create_prompt");

        (await app.PutAsync(owner, "/api/mcp/settings", new { hide_uncallable_tools = true })).GetProperty("hide_uncallable_tools").GetBoolean().ShouldBeTrue();

        await using (var mcp = await app.McpClientAsync(reader))
        {
            var names = (await mcp.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name).ToList();
            names.ShouldContain("list_prompts");
            names.ShouldNotContain("create_prompt");
            names.ShouldNotContain("send_message");
        }
        await using (var mcp = await app.McpClientAsync(owner))
            (await mcp.ListToolsAsync(cancellationToken: Ct)).ShouldContain(t => t.Name == "create_prompt");
    }
}
