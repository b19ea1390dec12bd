using ModelContextProtocol;
using Promptmark.Api.Tests.OAuth;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Auth;

/// <summary>An API key does only what its scopes allow, through both doors; the scope is checked before anything else.</summary>
public sealed class ScopeTests(PromptmarkApp app)
{
    [Fact]
    public async Task a_key_without_scopes_named_has_all_three_and_lists_them()
    {
        var user = await app.NewUserAsync();
        (await app.PostAsync(user, "/api/keys", new { name = "default" }, 201)).GetProperty("scopes").EnumerateArray()
            .Select(s => s.GetString()).ShouldBe(["read", "write", "execute"]);
        var listed = (await app.GetAsync(user, "/api/keys")).GetProperty("keys")[0];
        listed.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldBe(["read", "write", "execute"]);
    }

    [Fact]
    public async Task a_key_is_created_only_with_known_scopes()
    {
        var user = await app.NewUserAsync();
        var unknown = await app.PostAsync(user, "/api/keys", new { name = "bad", scopes = new[] { "read", "admin" } }, 400);
        unknown.GetProperty("errors").GetProperty("scopes")[0].GetString().ShouldBe("each scope must be 'read', 'write' or 'execute'");
        var none = await app.PostAsync(user, "/api/keys", new { name = "none", scopes = Array.Empty<string>() }, 400);
        none.GetProperty("errors").GetProperty("scopes")[0].GetString().ShouldBe("must name at least one scope");
    }

    [Fact]
    public async Task a_read_only_key_lists_and_gets_but_cannot_create_over_rest()
    {
        var (owner, readOnly) = await KeyAsync("read");
        var id = (await app.CreatePromptAsync(owner, new { title = "Kept", prompt = "Hello" })).Id();

        (await app.GetAsync(readOnly, "/api/prompts")).GetProperty("total").GetInt64().ShouldBe(1);
        (await app.GetAsync(readOnly, $"/api/prompts/{id}")).Str("title").ShouldBe("Kept");
        var problem = await app.PostAsync(readOnly, "/api/prompts", new { title = "New", prompt = "Hi" }, 403);
        problem.Str("error").ShouldBe("insufficient_scope");
        problem.Str("scope").ShouldBe("write");
        (await app.GetAsync(owner, "/api/prompts")).GetProperty("total").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task a_read_only_key_lists_and_gets_but_cannot_create_over_mcp()
    {
        var (owner, readOnly) = await KeyAsync("read");
        var id = (await app.CreatePromptAsync(owner, new { title = "Kept", prompt = "Hello" })).Id();
        await using var mcp = await app.McpClientAsync(readOnly);

        (await mcp.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken)).ShouldContain(t => t.Name == "create_prompt");
        (await mcp.CallJsonAsync("list_prompts")).GetProperty("total").GetInt64().ShouldBe(1);
        (await mcp.CallJsonAsync("get_prompt", new { id })).Str("title").ShouldBe("Kept");
        (await mcp.CallErrorAsync("create_prompt", new { title = "New", prompt = "Hi" })).ShouldContain("lacks the 'write' scope");
        (await app.GetAsync(owner, "/api/prompts")).GetProperty("total").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task an_oauth_token_granted_read_only_is_refused_a_create_over_mcp_with_http_403()
    {
        var user = await app.NewUserAsync();
        var (_, tokens) = await new OAuthDance(app).SignInAsync(user, scope: "read");
        await using var mcp = await app.McpClientAsync(user with { Token = tokens.GetProperty("access_token").GetString()! });

        (await mcp.CallJsonAsync("list_prompts")).GetProperty("total").GetInt64().ShouldBe(0);
        // The step-up answer is HTTP's (ScopeStepUpTests): a client without an OAuth handler sees the request fail.
        var refused = await Should.ThrowAsync<HttpRequestException>(() => mcp.CallAsync("create_prompt", new { title = "New", prompt = "Hi" }));
        refused.StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        (await app.GetAsync(user, "/api/prompts")).GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task a_key_without_execute_cannot_run_a_remote_tool_or_a_model()
    {
        var (_, readWrite) = await KeyAsync("read", "write");
        var connection = Guid.NewGuid();
        var problem = await app.PostAsync(readWrite, $"/api/mcp/connections/{connection}/tools/echo/execute", new { arguments = new { } }, 403);
        problem.Str("scope").ShouldBe("execute");

        await using var mcp = await app.McpClientAsync(readWrite);
        (await mcp.CallErrorAsync("refresh_mcp_tools", new { connection_id = connection })).ShouldContain("lacks the 'execute' scope");
        (await mcp.CallErrorAsync("send_message", new { conversation_id = Guid.NewGuid(), content = "hi" })).ShouldContain("lacks the 'execute' scope");
    }

    [Fact]
    public async Task a_key_without_read_cannot_get_a_template_prompt_or_read_a_skill_over_mcp()
    {
        var (owner, writeOnly) = await KeyAsync("write");
        await app.CreatePromptAsync(owner, new { title = "Greeter", prompt = "Hello {{name}}" });
        await app.PostAsync(owner, "/api/skills", new { content = "---\nname: helper\ndescription: Helps.\n---\n\nSecret steps.\n" }, 201);
        await using var mcp = await app.McpClientAsync(writeOnly);
        var ct = TestContext.Current.CancellationToken;
        var name = (await mcp.ListPromptsAsync(cancellationToken: ct)).Single().Name;

        var prompt = await Should.ThrowAsync<McpProtocolException>(() => mcp.GetPromptAsync(name, new Dictionary<string, object?> { ["name"] = "Ada" }, cancellationToken: ct).AsTask());
        prompt.Message.ShouldContain("lacks the 'read' scope");
        var skill = await Should.ThrowAsync<McpProtocolException>(() => mcp.ReadResourceAsync("skill://helper", cancellationToken: ct).AsTask());
        skill.Message.ShouldContain("lacks the 'read' scope");
        skill.Message.ShouldNotContain("Secret steps");
    }

    [Fact]
    public async Task a_key_cannot_create_a_key_with_a_scope_it_lacks()
    {
        var (owner, readWrite) = await KeyAsync("read", "write");
        (await app.PostAsync(readWrite, "/api/keys", new { name = "wider" }, 403)).Str("scope").ShouldBe("execute");
        (await app.PostAsync(readWrite, "/api/keys", new { name = "narrower", scopes = new[] { "read" } }, 201)).Str("name").ShouldBe("narrower");
        (await app.GetAsync(owner, "/api/keys")).GetProperty("keys").GetArrayLength().ShouldBe(2);
    }

    /// <summary>A user, and the same user calling with a new key of <paramref name="scopes"/> instead of their session.</summary>
    private async Task<(TestUser Owner, TestUser Key)> KeyAsync(params string[] scopes)
    {
        var owner = await app.NewUserAsync();
        var key = (await app.PostAsync(owner, "/api/keys", new { name = "scoped", scopes }, 201)).Str("key");
        return (owner, owner with { Token = key });
    }
}
