using Microsoft.Extensions.Caching.Memory;

namespace Promptmark.Api.Engines.Models;

/// <summary>
/// Remembers what each user's provider offers for a few minutes, so listing models does not ask the provider every
/// time. The key carries the settings' revision: changing a provider's URL or key asks again at once.
/// </summary>
public sealed class ModelListCache(IMemoryCache cache, ModelClients clients)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public async Task<IReadOnlyList<string>> ListAsync(Guid userId, int revision, ProviderEndpoint endpoint, CancellationToken ct)
    {
        var key = (nameof(ModelListCache), userId, endpoint.Name, revision);
        if (cache.TryGetValue(key, out IReadOnlyList<string>? known) && known is not null)
            return known;
        // A failure is not cached: the next request asks the provider again.
        var models = await clients.ListModelsAsync(endpoint, ct);
        cache.Set(key, models, Lifetime);
        return models;
    }
}
