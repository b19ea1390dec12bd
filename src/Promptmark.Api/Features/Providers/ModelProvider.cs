using Marten;
using Marten.Schema;
using Marten.Schema.Indexing.Unique;
using Promptmark.Api.Infrastructure.Secrets;

namespace Promptmark.Api.Features.Providers;

/// <summary>
/// One of the user's model providers, known by the name they call it by (<c>openai</c>, <c>anthropic</c>,
/// <c>openrouter</c> or their own for an OpenAI-compatible server). The key is only ever stored sealed.
/// </summary>
public sealed class ModelProvider
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>One of <see cref="Engines.Models.ProviderKinds"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The URL the user gave, or null for a hosted provider's own.</summary>
    public string? BaseUrl { get; set; }

    public SealedSecret? ApiKey { get; set; }
    public decimal? MonthlyBudgetUsd { get; set; }

    /// <summary>Bumped when the URL or key changes, so the models listed with the old ones are asked for again.</summary>
    public int Revision { get; set; } = 1;

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class ModelProviderStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) =>
        options.Schema.For<ModelProvider>().UniqueIndex(UniqueIndexType.Computed, "uq_model_provider_name_per_user", TenancyScope.PerTenant, p => p.Name);
}
