using System.Text.Json;
using Promptmark.Api.Features.Connections.Remote;

namespace Promptmark.Api.Features.Connections.Executions;

/// <summary>A call that passed every check and is ready to send: where, which tool, with which arguments, for whom.</summary>
public sealed record PreparedCall(
    string TenantId, McpConnection Connection, RemoteServer Server, string ToolName, IReadOnlyDictionary<string, JsonElement> Arguments);
