using System.Diagnostics;
using System.Text.Json;
using Marten;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Promptmark.Api.Features.Connections.OAuth;
using Promptmark.Api.Features.Connections.Remote;
using Promptmark.Api.Features.Connections.Tools;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.Connections.Executions;

/// <summary>
/// Runs a remote tool for both the execute and the stream doors: checks first (connection, cached tool, arguments
/// against its schema), then calls (a want of OAuth scope is recorded on the connection, see
/// <see cref="OAuthScopeStepUp"/>), then writes the audit record whatever the outcome, and answers once it is committed
/// (<see cref="ExecutionRecords"/>).
/// </summary>
public sealed class ToolExecutor(ExecutionRecords records, RemoteMcpSessions remote, ConnectionEndpoints endpoints, OAuthScopeStepUp stepUp, TimeProvider clock)
{
    public const int MaxErrorLength = 1000;

    public async Task<PreparedCall> PrepareAsync(IQuerySession session, ExecuteMcpTool request, CancellationToken ct)
    {
        var (connection, tool) = await session.LoadConnectionToolAsync(request.ConnectionId, request.ToolName, ct);
        if (!connection.IsActive) throw new ConflictException("the connection is inactive: activate it to run its tools");
        var arguments = ArgumentChecks.Check(tool, request.Arguments, ct);
        return new PreparedCall(session.TenantId, connection, await endpoints.ForAsync(session, connection, ct), tool.Name, arguments);
    }

    /// <summary>A call whose elicitations are declined: nobody is there to answer them (execute, playbooks).</summary>
    public Task<ToolExecutionResult> RunAsync(PreparedCall call, string via, IProgress<ProgressNotificationValue>? progress, CancellationToken ct) =>
        RunAsync(call, via, progress, answerer: null, ct);

    /// <param name="answerer">Asks the user when the remote server elicits input during the call; null declines it.</param>
    public async Task<ToolExecutionResult> RunAsync(
        PreparedCall call, string via, IProgress<ProgressNotificationValue>? progress, ElicitationAnswerer? answerer, CancellationToken ct)
    {
        var audit = new McpExecution
        {
            Id = Guid.CreateVersion7(),
            ConnectionId = call.Connection.Id,
            ConnectionName = call.Connection.Name,
            ToolName = call.ToolName,
            Input = JsonSerializer.Serialize(call.Arguments),
            Via = via,
            CreatedAt = clock.GetUtcNow(),
        };
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await remote.CallToolAsync(call.Server, call.ToolName, call.Arguments, progress, answerer, ct);
            var json = JsonSerializer.SerializeToElement(result, McpJsonUtilities.DefaultOptions);
            var isError = result.IsError == true;
            audit.Status = isError ? ExecutionStatus.ToolError : ExecutionStatus.Success;
            audit.Error = isError ? Shorten(ErrorText(result)) : null;
            (audit.Output, audit.OutputTruncated, audit.OutputBytes) = ExecutionOutput.ForAudit(json.GetRawText());
            audit.LatencyMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            await records.WriteAsync(call.TenantId, audit);
            return new ToolExecutionResult(audit.Id, audit.Status, isError, json, audit.LatencyMs);
        }
        catch (InsufficientRemoteScopeException failure)
        {
            var reported = await stepUp.RecordAsync(call.TenantId, call.Connection.Id, failure);
            await RecordFailureAsync(call.TenantId, audit, ExecutionStatus.Failed, reported.Message, started);
            throw reported;
        }
        catch (RemoteServerException failure)
        {
            await RecordFailureAsync(call.TenantId, audit, ExecutionStatus.Failed, failure.Message, started);
            throw new BadGatewayException(failure.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await RecordFailureAsync(call.TenantId, audit, ExecutionStatus.Cancelled, "cancelled by the caller", started);
            throw;
        }
    }

    private Task RecordFailureAsync(string tenantId, McpExecution audit, string status, string error, long started)
    {
        audit.Status = status;
        audit.Error = Shorten(error);
        audit.LatencyMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return records.WriteAsync(tenantId, audit);
    }

    private static string ErrorText(CallToolResult result) =>
        string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text)) is { Length: > 0 } text ? text : "the tool reported an error";

    private static string Shorten(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength] + "…";
}
