using Promptmark.Api.Engines.Models;

namespace Promptmark.Api.Tests.Engines.Models;

public sealed class SpendBudgetTests
{
    [Fact]
    public void a_call_under_both_ceilings_may_go_ahead() =>
        SpendBudget.Refusal("openai", new MonthToDate(4.99m, 1m), new MonthlyBudgets(5m, 2m)).ShouldBeNull();

    [Fact]
    public void no_ceilings_never_refuse() =>
        SpendBudget.Refusal("openai", new MonthToDate(1_000m, 1_000m), new MonthlyBudgets(null, null)).ShouldBeNull();

    [Fact]
    public void a_reached_provider_ceiling_refuses_and_names_the_setting() =>
        SpendBudget.Refusal("openai", new MonthToDate(3m, 2m), new MonthlyBudgets(null, 2m))
            .ShouldBe("The monthly budget for openai ($2.00) is reached: $2.00 spent this month. Raise monthly_budget_usd on provider openai or wait for next month.");

    [Fact]
    public void a_reached_user_ceiling_refuses_whichever_provider_is_called() =>
        SpendBudget.Refusal("anthropic", new MonthToDate(5.0001m, 0m), new MonthlyBudgets(5m, 10m))
            .ShouldBe("Your monthly model budget ($5.00) is reached: $5.0001 spent this month. Raise your monthly_budget_usd or wait for next month.");

    [Fact]
    public void spend_is_counted_per_utc_month() =>
        SpendBudget.MonthOf(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.FromHours(-2))).ShouldBe("2027-01");
}
