namespace Promptmark.Api.Features.Connections.Remote;

/// <summary>
/// Everything needed to reach one connection's MCP server, independent of how the connection is stored.
/// <see cref="Headers"/> are the connection's credentials (Authorization, X-API-Key, custom ones), already built;
/// <see cref="Revision"/> changes whenever the URL or the credentials change, so a session opened with older
/// settings is replaced.
/// </summary>
public sealed record RemoteServer(Guid ConnectionId, Uri Url, IReadOnlyDictionary<string, string> Headers, string Revision)
{
    // Header values are credentials and a query string may carry a key: neither may reach a log line.
    public override string ToString() =>
        $"connection {ConnectionId} at {Url.GetLeftPart(UriPartial.Path)} (revision {Revision}, headers: {string.Join(", ", Headers.Keys)})";
}
