using Marten;

namespace Promptmark.Api.Features.Providers;

public static class ProviderQueries
{
    /// <summary>The caller's provider of that name; names are per user, so another user's is never found.</summary>
    public static Task<ModelProvider?> FindProviderAsync(this IQuerySession session, string name, CancellationToken ct) =>
        session.Query<ModelProvider>().SingleOrDefaultAsync(p => p.Name == name, ct);
}
