using Marten;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.Prompts;

public static class PromptAccess
{
    public const string What = "prompt";

    /// <summary>One of the caller's own prompts, for anything that changes it.</summary>
    public static Task<Prompt> LoadOwnedPromptAsync(this IQuerySession session, string id, CancellationToken ct) =>
        session.LoadOwnedAsync<Prompt>(id, What, ct);

    /// <summary>
    /// A prompt the caller may read: their own, or another user's public one. Private prompts of others answer
    /// "prompt not found", exactly like a missing id.
    /// </summary>
    public static async Task<Prompt> LoadReadablePromptAsync(this IQuerySession session, string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid)) throw new NotFoundException(What);
        var own = await session.LoadAsync<Prompt>(guid, ct);
        if (own is { Deleted: false }) return own;
        return await session.Query<Prompt>().Where(p => p.AnyTenant() && p.Id == guid && p.IsPublic).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(What);
    }
}
