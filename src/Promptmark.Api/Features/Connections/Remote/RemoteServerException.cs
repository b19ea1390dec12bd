namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>
/// Any failure to talk to a remote MCP server. The message is safe to show to users: it never holds a credential,
/// a response body or a resolved address.
/// </summary>
public class RemoteServerException(string message) : Exception(message);
