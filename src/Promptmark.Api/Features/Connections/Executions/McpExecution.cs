using Marten;

namespace Promptmark.Api.Features.Connections.Executions;

/// <summary>
/// The audit record of one tool call on a remote server. It outlives its connection, holds no credential, and keeps
/// the output only up to <see cref="ExecutionOutput.MaxBytes"/>.
/// </summary>
public sealed class McpExecution
{
    public Guid Id { get; set; }
    public Guid ConnectionId { get; set; }
    public string ConnectionName { get; set; } = "";
    public string ToolName { get; set; } = "";

    /// <summary>The arguments sent, as JSON.</summary>
    public string Input { get; set; } = "{}";

    /// <summary>The tool's result as JSON, cut at <see cref="ExecutionOutput.MaxBytes"/> (then no longer valid JSON).</summary>
    public string? Output { get; set; }

    public bool OutputTruncated { get; set; }
    public int OutputBytes { get; set; }
    public string Status { get; set; } = ExecutionStatus.Success;
    public string? Error { get; set; }
    public long LatencyMs { get; set; }

    /// <summary>Which door started it: <c>execute</c>, <c>stream</c> or <c>conversation</c>.</summary>
    public string Via { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

public static class ExecutionStatus
{
    /// <summary>The tool ran and answered normally.</summary>
    public const string Success = "success";

    /// <summary>The tool ran and answered with <c>isError: true</c>.</summary>
    public const string ToolError = "tool_error";

    /// <summary>The call did not complete: unreachable server, protocol error, timeout.</summary>
    public const string Failed = "failed";

    /// <summary>The caller went away before the answer came.</summary>
    public const string Cancelled = "cancelled";
}

public sealed class McpExecutionStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) =>
        options.Schema.For<McpExecution>().Index(e => e.CreatedAt).Index(e => e.ConnectionId);
}
