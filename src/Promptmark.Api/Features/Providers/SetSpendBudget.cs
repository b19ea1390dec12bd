using System.ComponentModel;
using Marten;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Providers;

[Description("Set your monthly spend ceiling over all model providers, in US dollars: calls are refused once this month's spend reaches it. " +
             "Absent removes the ceiling.")]
public sealed record SetSpendBudget : PrivateInput, ISlice<ProviderList>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Put("/api/providers")
        .Described("Set your monthly spend ceiling over all model providers");

    [Description("The ceiling in US dollars, or absent for none")]
    public decimal? MonthlyBudgetUsd { get; init; }

    public void Validate(InputErrors errors) => ProviderFields.ValidateBudget(MonthlyBudgetUsd, errors);
}

public static class SetSpendBudgetHandler
{
    public static async Task<ProviderList> Handle(SetSpendBudget command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        session.Store(new SpendCeiling { Id = session.CallerId(), MonthlyBudgetUsd = command.MonthlyBudgetUsd });
        var list = await ListProvidersHandler.Handle(new ListProviders(), session, clock, ct);
        return list with { MonthlyBudgetUsd = command.MonthlyBudgetUsd };
    }
}
