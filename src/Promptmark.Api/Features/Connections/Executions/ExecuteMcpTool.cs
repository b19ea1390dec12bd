using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Marten;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Connections.Executions;

[Description("Run a tool of a connection's server. The arguments are checked against the tool's cached input schema before anything is sent; every run is recorded in the execution history.")]
public sealed record ExecuteMcpTool : PrivateInput, ISlice<ToolExecutionResult>
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/mcp/connections/{connection_id}/tools/{tool_name}/execute").Needs(AccessScope.Execute).MayAnswer(409, 422, 502)
        .Described("Execute a tool (422 names the argument that does not fit the schema; 502 when the server fails)");

    [Required, Description("ID of the MCP connection")]
    public string ConnectionId { get; init; } = "";

    [Required, Description("Name of the tool to run")]
    public string ToolName { get; init; } = "";

    [Description("The tool's arguments, a JSON object matching its input schema (default {})")]
    public JsonElement? Arguments { get; init; }
}

/// <summary>
/// A finished run: <see cref="Result"/> is the tool's MCP result as the server sent it (content blocks of every type,
/// structuredContent, isError).
/// </summary>
public sealed record ToolExecutionResult(Guid ExecutionId, string Status, bool IsError, JsonElement Result, long LatencyMs);

public static class ExecuteMcpToolHandler
{
    public static async Task<ToolExecutionResult> Handle(ExecuteMcpTool command, IQuerySession session, ToolExecutor executor, CancellationToken ct)
    {
        var call = await executor.PrepareAsync(session, command, ct);
        return await executor.RunAsync(call, ExecutionVia.Execute, progress: null, ct);
    }
}

public static class ExecutionVia
{
    public const string Execute = "execute";
    public const string Stream = "stream";

    /// <summary>A conversation's model called the tool.</summary>
    public const string Conversation = "conversation";

    /// <summary>A playbook's <c>@tool</c> step called it.</summary>
    public const string Playbook = "playbook";
}
