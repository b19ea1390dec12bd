using Marten;
using Promptmark.Api.Features.Connections.OAuth;
using Promptmark.Api.Features.Connections.Remote;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.Connections.Tools;

/// <summary>
/// Connects to a connection's server, lists every tool, replaces the cached tools (keeping favourites of tools still
/// offered) and records the outcome on the connection: <c>connected</c> with the tool count, or <c>error</c> with why.
/// </summary>
public sealed class ToolDiscovery(RemoteMcpSessions remote, ConnectionEndpoints endpoints, TimeProvider clock)
{
    /// <returns>null when the server answered, otherwise the error (also stored on the connection).</returns>
    public async Task<string?> RefreshAsync(IDocumentSession session, McpConnection connection, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        connection.LastCheckedAt = now;
        try
        {
            var discovered = await remote.ListToolsAsync(await endpoints.ForAsync(session, connection, ct), ct);
            await ReplaceCacheAsync(session, connection.Id, discovered.Tools, now, ct);
            connection.Status = ConnectionStatus.Connected;
            connection.LastError = null;
            connection.LastConnectedAt = now;
            connection.ToolCount = discovered.Tools.Count;
            connection.ServerName = discovered.ServerName;
            connection.ServerVersion = discovered.ServerVersion;
            return null;
        }
        catch (ReauthorizationNeededException failure)
        {
            return failure.Message;
        }
        catch (InsufficientRemoteScopeException failure)
        {
            var reported = OAuthScopeStepUp.Widen(connection, failure);
            if (reported is not ReauthorizationNeededException)
            {
                connection.Status = ConnectionStatus.Error;
                connection.LastError = reported.Message;
            }
            return reported.Message;
        }
        catch (Exception failure) when (failure is RemoteServerException or BadGatewayException)
        {
            connection.Status = ConnectionStatus.Error;
            connection.LastError = failure.Message;
            return failure.Message;
        }
        finally
        {
            session.Store(connection);
        }
    }

    private static async Task ReplaceCacheAsync(
        IDocumentSession session, Guid connectionId, IReadOnlyList<RemoteTool> tools, DateTimeOffset now, CancellationToken ct)
    {
        var cached = (await session.OfAsync(connectionId, ct)).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var offered = tools.DistinctBy(t => t.Name, StringComparer.Ordinal).ToList();
        foreach (var tool in offered)
        {
            var entry = cached.GetValueOrDefault(tool.Name) ?? new McpTool { Id = Guid.CreateVersion7(), ConnectionId = connectionId, Name = tool.Name };
            entry.Title = tool.Title;
            entry.Description = tool.Description;
            entry.InputSchema = tool.InputSchema.GetRawText();
            entry.ParameterCount = McpTool.CountParameters(tool.InputSchema);
            entry.CachedAt = now;
            session.Store(entry);
        }
        var gone = cached.Keys.Except(offered.Select(t => t.Name), StringComparer.Ordinal).Select(name => cached[name].Id).ToList();
        if (gone.Count > 0) session.DeleteWhere<McpTool>(t => gone.Contains(t.Id));
    }
}
