using System.Text.Json;

namespace Promptmark.Api.Features.Connections.Executions;

/// <summary>An audit record as the history lists it. <see cref="Output"/> is the result's JSON text, cut when <see cref="OutputTruncated"/>.</summary>
public sealed record ExecutionView(
    Guid Id, Guid ConnectionId, string ConnectionName, string ToolName, JsonElement Input, string? Output,
    bool OutputTruncated, int OutputBytes, string Status, string? Error, long LatencyMs, string Via, DateTimeOffset CreatedAt)
{
    public static ExecutionView Of(McpExecution e)
    {
        using var input = JsonDocument.Parse(e.Input);
        return new(e.Id, e.ConnectionId, e.ConnectionName, e.ToolName, input.RootElement.Clone(), e.Output, e.OutputTruncated,
            e.OutputBytes, e.Status, e.Error, e.LatencyMs, e.Via, e.CreatedAt);
    }
}

public sealed record ExecutionList(IReadOnlyList<ExecutionView> Executions, int Total, int Limit, int Offset);
