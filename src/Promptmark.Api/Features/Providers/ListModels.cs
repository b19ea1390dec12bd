using System.ComponentModel;
using Marten;
using Promptmark.Api.Engines.Models;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Providers;

[Description("List the models your providers offer, as model_id values (provider/model) with their configured prices. Each provider is " +
             "asked (its /v1/models) and the answer kept for a few minutes; a provider that cannot answer is listed under unavailable.")]
public sealed record ListModels : PrivateInput, ISlice<ModelList>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/models").MayAnswer(StatusCodes.Status422UnprocessableEntity)
        .Described("List the models your providers offer");
}

/// <param name="InputPerMillionUsd">Null when no price is configured: calls to it are counted as costing nothing.</param>
public sealed record ModelView(string Id, string Provider, string Model, decimal? InputPerMillionUsd, decimal? OutputPerMillionUsd);

public sealed record UnavailableProvider(string Provider, string Message);

public sealed record ModelList(IReadOnlyList<ModelView> Models, IReadOnlyList<UnavailableProvider> Unavailable);

public static class ListModelsHandler
{
    public static async Task<ModelList> Handle(
        ListModels query, IDocumentSession session, ProviderSecrets secrets, ModelListCache cache, UsageCalculator prices, CancellationToken ct)
    {
        var providers = await session.Query<ModelProvider>().OrderBy(p => p.Name).ToListAsync(ct);
        if (providers.Count == 0) throw new UnprocessableException(ModelAccess.NoneConfigured);

        var models = new List<ModelView>();
        var unavailable = new List<UnavailableProvider>();
        foreach (var provider in providers)
        {
            try
            {
                var names = await cache.ListAsync(session.CallerId(), provider.Revision, secrets.Endpoint(provider, session.CallerId()), ct);
                models.AddRange(names.Select(name => View(new ModelId(provider.Name, name), prices)));
            }
            catch (Exception failure) when (Explain(provider.Name, failure) is { } message)
            {
                unavailable.Add(new UnavailableProvider(provider.Name, message));
            }
        }
        return new ModelList(models, unavailable);
    }

    private static ModelView View(ModelId id, UsageCalculator prices)
    {
        var price = prices.PriceOf(id);
        return new ModelView(id.ToString(), id.Provider, id.Model, price?.InputPerMillion, price?.OutputPerMillion);
    }

    private static string? Explain(string provider, Exception failure) =>
        failure is UnprocessableException unreadable ? unreadable.Message : ProviderFailure.From(provider, failure)?.Message;
}
