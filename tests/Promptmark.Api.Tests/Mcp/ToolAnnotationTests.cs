using ModelContextProtocol.Client;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Mcp;

/// <summary>Through a real client's tools/list, every tool says what it does to the user's data.</summary>
public sealed class ToolAnnotationTests(PromptmarkApp app)
{
    /// <summary>The tools that reach outside Promptmark: a remote MCP server (test and execute are REST-only) or a model provider.</summary>
    private static readonly HashSet<string> RemoteTools =
        ["refresh_mcp_tools", "send_message", "execute_playbook", "resume_playbook_execution", "respond_to_elicitation"];

    [Fact]
    public async Task every_tool_has_a_title_and_annotations()
    {
        var tools = await ListToolsAsync();
        tools.ShouldNotBeEmpty();
        tools.Where(t => string.IsNullOrWhiteSpace(t.ProtocolTool.Title) || t.ProtocolTool.Annotations is null)
            .Select(t => t.Name).ShouldBeEmpty();
        tools.Where(t => !char.IsUpper(t.ProtocolTool.Title![0])).Select(t => t.ProtocolTool.Title).ShouldBeEmpty();
    }

    [Fact]
    public async Task every_delete_is_destructive_and_not_read_only()
    {
        var deletes = (await ListToolsAsync()).Where(t => t.Name.StartsWith("delete_") || t.Name.StartsWith("remove_")).ToList();
        deletes.ShouldNotBeEmpty();
        deletes.Where(t => t.ProtocolTool.Annotations is not { DestructiveHint: true, ReadOnlyHint: false })
            .Select(t => t.Name).ShouldBeEmpty();
    }

    [Fact]
    public async Task every_read_is_read_only_and_no_read_only_tool_is_destructive()
    {
        var tools = await ListToolsAsync();
        tools.Where(t => t.Name.Split('_')[0] is "get" or "list" or "search" or "render" or "validate")
            .Where(t => t.ProtocolTool.Annotations?.ReadOnlyHint != true).Select(t => t.Name).ShouldBeEmpty();
        tools.Where(t => t.ProtocolTool.Annotations is { ReadOnlyHint: true, DestructiveHint: not false })
            .Select(t => t.Name).ShouldBeEmpty();
    }

    [Fact]
    public async Task only_the_tools_that_reach_a_remote_server_are_open_world()
    {
        var openWorld = (await ListToolsAsync()).Where(t => t.ProtocolTool.Annotations?.OpenWorldHint != false).Select(t => t.Name);
        openWorld.ShouldBe(RemoteTools, ignoreOrder: true);
    }

    private async Task<IList<McpClientTool>> ListToolsAsync()
    {
        var user = await app.NewUserAsync();
        await using var client = await app.McpClientAsync(user);
        return await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);
    }
}
