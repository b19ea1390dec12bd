using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Promptmark.Api.Engines.Models;

namespace Promptmark.Api.Tests.Engines.Models;

public sealed class UsageCalculatorTests
{
    private readonly UsageCalculator _calculator = new(Options.Create(new ModelPricesOptions
    {
        Prices = { ["openai/gpt-4o"] = new ModelPrice { InputPerMillion = 2.5m, OutputPerMillion = 10m } },
    }));

    [Fact]
    public void a_priced_model_costs_its_tokens_at_the_configured_rates()
    {
        var cost = _calculator.Cost(new ModelId("openai", "gpt-4o"), new UsageDetails { InputTokenCount = 1_000, OutputTokenCount = 500 });

        cost.ShouldBe(new CallCost(1_000, 500, 0.0075m, true, null));
    }

    [Fact]
    public void an_unknown_model_costs_nothing_and_says_so()
    {
        var cost = _calculator.Cost(new ModelId("ollama", "llama3.2"), new UsageDetails { InputTokenCount = 10, OutputTokenCount = 5 });

        cost.CostUsd.ShouldBe(0m);
        cost.Priced.ShouldBeFalse();
        cost.Note.ShouldBe("No price is configured for ollama/llama3.2 (Promptmark:Models:Prices:ollama/llama3.2), so it is counted as costing nothing.");
    }

    [Fact]
    public void a_call_without_reported_usage_counts_no_tokens() =>
        _calculator.Cost(new ModelId("openai", "gpt-4o"), null).ShouldBe(new CallCost(0, 0, 0m, true, null));
}
