using System.ComponentModel;
using Marten;
using Promptmark.Api.Engines.Models;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Providers;

[Description("List your model providers with this month's spend on each and your budgets. Keys are never shown, only whether one is stored.")]
public sealed record ListProviders : PrivateInput, ISlice<ProviderList>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/providers");
}

/// <param name="Month">The calendar month (UTC) the spend figures cover, e.g. 2026-12.</param>
/// <param name="MonthlyBudgetUsd">Your ceiling over all providers, or null for none.</param>
/// <param name="SpentThisMonthUsd">Spent this month over all providers, including ones since removed.</param>
public sealed record ProviderList(IReadOnlyList<ProviderView> Providers, string Month, decimal? MonthlyBudgetUsd, decimal SpentThisMonthUsd);

public static class ListProvidersHandler
{
    public static async Task<ProviderList> Handle(ListProviders query, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var month = SpendBudget.MonthOf(clock.GetUtcNow());
        var batch = session.CreateBatchQuery();
        var providers = batch.Query<ModelProvider>().OrderBy(p => p.Name).ToList();
        var spending = batch.SpentByProvider(month);
        var budget = batch.UserBudget(session.CallerId());
        await batch.Execute(ct);
        var spent = await spending;
        return new ProviderList(
            (await providers).Select(p => ProviderView.Of(p, spent.GetValueOrDefault(p.Name))).ToList(),
            month, await budget, spent.Values.Sum());
    }
}
