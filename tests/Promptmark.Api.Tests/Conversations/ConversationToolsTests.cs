using System.Text.Json;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Conversations;

/// <summary>update_conversation_tools and remove_conversation_tool against a connection to server-everything.</summary>
public sealed class ConversationToolsTests(PromptmarkApp app, EverythingFixture everything) : IClassFixture<EverythingFixture>
{
    [Fact]
    public async Task tools_are_attached_with_their_approval_policy_and_shown_with_the_conversation()
    {
        var (user, conversation, connection) = await ConversationWithConnectionAsync();

        var attached = await app.PutAsync(user, $"/api/conversations/{conversation}/tools", new
        {
            tools = new object[]
            {
                new { connection_id = connection, tool_name = "echo", approval = "ask" },
                new { connection_id = connection, tool_name = "echo" },
                new { connection_id = connection, tool_name = "get-sum" },
                new { tool_name = "web_search", is_native = true, native_provider = "anthropic", native_type = "web_search_20250305" },
            },
        });

        attached.GetProperty("count").GetInt32().ShouldBe(3);
        var tools = (await app.GetAsync(user, $"/api/conversations/{conversation}")).GetProperty("tools").EnumerateArray().ToList();
        tools.Select(t => (t.Str("tool_name"), t.Str("approval"))).ShouldBe([("echo", "ask"), ("get-sum", "always"), ("web_search", "always")]);
        tools[0].Str("connection_id").ShouldBe(connection);
        tools[0].Str("description").ShouldNotBeNullOrEmpty();
        tools[2].GetProperty("is_native").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task the_mcp_door_replaces_and_removes_tools_with_the_default_policy()
    {
        var (user, conversation, connection) = await ConversationWithConnectionAsync();
        await using var mcp = await app.McpClientAsync(user);

        await mcp.CallJsonAsync("update_conversation_tools", new
        {
            conversation_id = conversation,
            tools = new object[] { new { connection_id = connection, tool_name = "echo" }, new { connection_id = connection, tool_name = "get-sum" } },
        });
        var left = await mcp.CallJsonAsync("remove_conversation_tool", new { conversation_id = conversation, connection_id = connection, tool_name = "echo" });

        left.GetProperty("tools").EnumerateArray().Select(t => (t.Str("tool_name"), t.Str("approval"))).ShouldBe([("get-sum", "always")]);
        (await mcp.CallErrorAsync("remove_conversation_tool", new { conversation_id = conversation, connection_id = connection, tool_name = "echo" }))
            .ShouldContain("tool 'echo' attached to this conversation not found");
    }

    [Fact]
    public async Task a_native_tool_is_removed_by_naming_native_as_its_connection()
    {
        var (user, conversation, _) = await ConversationWithConnectionAsync();
        await app.PutAsync(user, $"/api/conversations/{conversation}/tools", new
        {
            tools = new[] { new { tool_name = "web_search", is_native = true, native_provider = "anthropic", native_type = "web_search_20250305" } },
        });

        var left = await app.DeleteAsync(user, $"/api/conversations/{conversation}/tools?connection_id=native&tool_name=web_search");

        left.GetProperty("count").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task a_tool_the_connection_does_not_offer_is_not_found_and_nothing_changes()
    {
        var (user, conversation, connection) = await ConversationWithConnectionAsync();
        await app.PutAsync(user, $"/api/conversations/{conversation}/tools", new { tools = new[] { new { connection_id = connection, tool_name = "echo" } } });

        var problem = await app.PutAsync(user, $"/api/conversations/{conversation}/tools", new
        {
            tools = new[] { new { connection_id = connection, tool_name = "get-sum" }, new { connection_id = connection, tool_name = "no-such-tool" } },
        }, 404);

        problem.Str("detail").ShouldBe("tool not found");
        (await ToolNamesAsync(user, conversation)).ShouldBe(["echo"]);
    }

    [Fact]
    public async Task an_inactive_connection_is_a_conflict()
    {
        var (user, conversation, connection) = await ConversationWithConnectionAsync();
        await app.PutAsync(user, $"/api/mcp/connections/{connection}", new { is_active = false });

        var problem = await app.PutAsync(user, $"/api/conversations/{conversation}/tools", new { tools = new[] { new { connection_id = connection, tool_name = "echo" } } }, 409);

        problem.Str("detail").ShouldContain("is inactive");
    }

    [Theory]
    [InlineData("""{"tool_name":"echo"}""", "connection_id is required for an MCP tool (or set is_native)")]
    [InlineData("""{"tool_name":"web","is_native":true,"native_provider":"gemini","native_type":"x"}""", "native_provider must be one of anthropic, openai")]
    [InlineData("""{"tool_name":"web","is_native":true,"native_provider":"openai"}""", "native_type is required for a native tool")]
    [InlineData("""{"tool_name":"echo","connection_id":"x","approval":"sometimes"}""", "approval must be one of always, ask, never")]
    public async Task a_malformed_tool_reference_is_named_by_its_position(string tool, string message)
    {
        var (user, conversation, _) = await ConversationWithConnectionAsync();

        var problem = await app.PutAsync(user, $"/api/conversations/{conversation}/tools", new { tools = new[] { JsonDocument.Parse(tool).RootElement } }, 400);

        problem.GetProperty("errors").GetProperty("tools[0]")[0].GetString().ShouldBe(message);
    }

    [Fact]
    public async Task more_than_fifty_tools_are_refused()
    {
        var (user, conversation, connection) = await ConversationWithConnectionAsync();

        var problem = await app.PutAsync(user, $"/api/conversations/{conversation}/tools",
            new { tools = Enumerable.Range(0, 51).Select(i => new { connection_id = connection, tool_name = $"t{i}" }) }, 400);

        problem.GetProperty("errors").GetProperty("tools")[0].GetString().ShouldBe("at most 50 tools per conversation");
    }

    private async Task<(TestUser User, string Conversation, string Connection)> ConversationWithConnectionAsync()
    {
        var user = await app.NewUserAsync();
        var connection = await app.ConnectAsync(user, everything.Server.Endpoint);
        var conversation = (await app.PostAsync(user, "/api/conversations", new { title = "t", model_id = "local/model-a" }, 201)).Id();
        return (user, conversation, connection);
    }

    private async Task<List<string>> ToolNamesAsync(TestUser user, string conversation) =>
        (await app.GetAsync(user, $"/api/conversations/{conversation}")).GetProperty("tools").EnumerateArray().Select(t => t.Str("tool_name")).ToList();
}
