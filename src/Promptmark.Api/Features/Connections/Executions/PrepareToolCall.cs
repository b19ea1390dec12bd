using Marten;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Connections.Executions;

/// <summary>The checks of an execution (connection, cached tool, arguments), without the call: the stream's first step.</summary>
public sealed record PrepareToolCall(ExecuteMcpTool Request) : ISliceStep;

public static class PrepareToolCallHandler
{
    public static Task<PreparedCall> Handle(PrepareToolCall message, IQuerySession session, ToolExecutor executor, CancellationToken ct) =>
        executor.PrepareAsync(session, message.Request, ct);
}
