using Marten;
using Marten.Services;

namespace Promptmark.Api.Infrastructure.Mcp;

/// <summary>
/// After any committed change to a user's <typeparamref name="TDocument"/>s, tells that user's open MCP sessions that
/// a list changed (<paramref name="method"/>, e.g. <c>notifications/prompts/list_changed</c>). Hooked into Marten, so
/// every slice that writes such documents is covered without knowing about MCP. With <paramref name="listed"/>, only a
/// written document it holds listed counts (a deletion always does: it carries no document to look at).
/// </summary>
public sealed class ListChanges<TDocument>(McpSessions sessions, string method, Func<TDocument, bool>? listed = null) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        // Deletions are operations, not documents (a soft delete or a delete by id carries none): matched by type.
        var touched = commit.Inserted.Concat(commit.Updated).OfType<TDocument>().Any(listed ?? (_ => true))
            || commit.Deleted.Any(d => d.DocumentType == typeof(TDocument));
        return touched && Guid.TryParse(session.TenantId, out var userId)
            ? sessions.AnnounceAsync(userId, method, CancellationToken.None)
            : Task.CompletedTask;
    }
}
