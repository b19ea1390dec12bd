using Marten;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.Playbooks;

public static class PlaybookAccess
{
    public const string What = "playbook";

    /// <summary>One of the caller's own playbooks; anyone else's answers "playbook not found", exactly like a missing id.</summary>
    public static Task<Playbook> LoadOwnedPlaybookAsync(this IQuerySession session, string id, CancellationToken ct) =>
        session.LoadOwnedAsync<Playbook>(id, What, ct);
}
