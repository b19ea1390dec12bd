using System.Text.Json;

namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>One tool a remote MCP server offers, as it described it.</summary>
public sealed record RemoteTool(string Name, string? Title, string? Description, JsonElement InputSchema);

/// <summary>A remote server's whole tool list, with the name and version it gave when the session was initialized.</summary>
public sealed record RemoteToolList(string? ServerName, string? ServerVersion, IReadOnlyList<RemoteTool> Tools);
