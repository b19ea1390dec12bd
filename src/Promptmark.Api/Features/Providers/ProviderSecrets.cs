using Promptmark.Api.Engines.Models;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Secrets;

namespace Promptmark.Api.Features.Providers;

/// <summary>Seals a provider's API key for storage, bound to its owner and record, and opens it only for a call.</summary>
public sealed class ProviderSecrets(ISecretSealer sealer)
{
    private const string Purpose = "model_provider";
    private const string Field = "api_key";

    public void Store(ModelProvider provider, Guid userId, string apiKey) => provider.ApiKey = sealer.Seal(apiKey, Context(provider, userId));

    /// <summary>The provider as the engine calls it, with its key in clear.</summary>
    public ProviderEndpoint Endpoint(ModelProvider provider, Guid userId) =>
        new(provider.Name, provider.Kind, ProviderFields.BaseUrlOf(provider), Open(provider, userId));

    private string? Open(ModelProvider provider, Guid userId)
    {
        if (provider.ApiKey is not { } sealedKey) return null;
        try
        {
            return sealer.Unseal(sealedKey, Context(provider, userId));
        }
        catch (SecretUnsealException)
        {
            throw new UnprocessableException(
                $"The stored API key of provider {provider.Name} cannot be opened with the configured keys (was a sealing key removed?): " +
                $"enter it again with PUT /api/providers/{provider.Name}.");
        }
    }

    private static SealingContext Context(ModelProvider provider, Guid userId) => new(Purpose, userId, provider.Id, Field);
}
