using System.Text.Json;
using Marten;
using ModelContextProtocol;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;
using Promptmark.Api.Infrastructure.Auth;

namespace Promptmark.Api.Infrastructure.Mcp;

/// <summary>
/// Lets an MCP session continue on any instance: its initialize handshake is kept in the database, and a request
/// carrying an <c>Mcp-Session-Id</c> this instance does not know resumes it here when the record exists and belongs to
/// the caller (a stranger holding the id gets 404, as for an unknown session). So a load balancer needs no sticky
/// sessions, and a restarted instance keeps its clients. Promptmark keeps no other per-session state: announcements
/// reach the session wherever its stream is held (<see cref="McpSessions"/>).
/// </summary>
public sealed class McpSessionMigration(IDocumentStore store, TimeProvider clock) : ISessionMigrationHandler
{
    /// <summary>How long a session can be resumed elsewhere; past it the client gets 404 and initializes again, as the protocol says.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public async ValueTask OnSessionInitializedAsync(HttpContext context, string sessionId, InitializeRequestParams initializeParams, CancellationToken ct)
    {
        if (context.User.FindUserId() is not { } userId) return;
        await using var session = store.LightweightSession();
        session.Store(new McpSessionRecord
        {
            Id = sessionId,
            UserId = userId,
            Handshake = JsonSerializer.Serialize(initializeParams, McpJsonUtilities.DefaultOptions),
            StartedAt = clock.GetUtcNow(),
        });
        await session.SaveChangesAsync(ct);
    }

    public async ValueTask<InitializeRequestParams?> AllowSessionMigrationAsync(HttpContext context, string sessionId, CancellationToken ct)
    {
        if (context.User.FindUserId() is not { } userId) return null;
        await using var session = store.QuerySession();
        var record = await session.LoadAsync<McpSessionRecord>(sessionId, ct);
        return record is not null && record.UserId == userId && record.StartedAt > clock.GetUtcNow() - Lifetime
            ? JsonSerializer.Deserialize<InitializeRequestParams>(record.Handshake, McpJsonUtilities.DefaultOptions)
            : null;
    }

    /// <summary>Deletes the records of sessions that can no longer be resumed.</summary>
    public async Task PurgeExpiredAsync(CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var cutoff = clock.GetUtcNow() - Lifetime;
        session.DeleteWhere<McpSessionRecord>(r => r.StartedAt <= cutoff);
        await session.SaveChangesAsync(ct);
    }
}

/// <summary>One MCP session's initialize handshake, as the client sent it. Not tenant-scoped: read by session id, then checked against the caller.</summary>
public sealed class McpSessionRecord
{
    /// <summary>The <c>Mcp-Session-Id</c>.</summary>
    public string Id { get; set; } = "";
    public Guid UserId { get; set; }
    public string Handshake { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
}

public sealed class McpSessionRecordStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) =>
        options.Schema.For<McpSessionRecord>().SingleTenanted().Index(r => r.StartedAt);
}
