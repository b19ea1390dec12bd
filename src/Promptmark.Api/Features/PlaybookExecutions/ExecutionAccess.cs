using Marten;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.PlaybookExecutions;

public static class ExecutionAccess
{
    public const string What = "execution";

    /// <summary>One of the caller's runs; anyone else's answers "execution not found", exactly like a missing id.</summary>
    public static Task<PlaybookExecution> LoadOwnedExecutionAsync(this IQuerySession session, string id, CancellationToken ct) =>
        session.LoadOwnedAsync<PlaybookExecution>(id, What, ct);
}
