using System.Globalization;

namespace Promptmark.Api.Engines.Models;

/// <summary>What has been spent this calendar month (UTC), over all of a user's providers and on the one about to be called.</summary>
public sealed record MonthToDate(decimal UserSpentUsd, decimal ProviderSpentUsd);

/// <summary>The optional monthly ceilings: one over all the user's providers, one on the provider about to be called.</summary>
public sealed record MonthlyBudgets(decimal? UserBudgetUsd, decimal? ProviderBudgetUsd);

/// <summary>
/// Refuses a call before anything is sent once a ceiling is reached. The cost of a call is only known from the usage
/// its answer reports, so the last call under a ceiling may pass it; the next one is refused.
/// </summary>
public static class SpendBudget
{
    /// <summary>The month spend is counted in, e.g. <c>2026-12</c>.</summary>
    public static string MonthOf(DateTimeOffset now) => now.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <returns>Null when the call may go ahead, otherwise a message saying which ceiling is reached.</returns>
    public static string? Refusal(string provider, MonthToDate spent, MonthlyBudgets budgets)
    {
        if (budgets.ProviderBudgetUsd is { } providerBudget && spent.ProviderSpentUsd >= providerBudget)
            return $"The monthly budget for {provider} ({Usd(providerBudget)}) is reached: {Usd(spent.ProviderSpentUsd)} spent this month. " +
                   $"Raise monthly_budget_usd on provider {provider} or wait for next month.";
        if (budgets.UserBudgetUsd is { } userBudget && spent.UserSpentUsd >= userBudget)
            return $"Your monthly model budget ({Usd(userBudget)}) is reached: {Usd(spent.UserSpentUsd)} spent this month. " +
                   "Raise your monthly_budget_usd or wait for next month.";
        return null;
    }

    private static string Usd(decimal amount) => amount.ToString("$0.00####", CultureInfo.InvariantCulture);
}
