using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Promptmark.Api.Engines.Models;

/// <summary>Turns the token counts a provider reports (<see cref="ChatResponse.Usage"/>) into dollars from the price table.</summary>
public sealed class UsageCalculator(IOptions<ModelPricesOptions> options)
{
    private const decimal TokensPerMillion = 1_000_000m;

    public CallCost Cost(ModelId model, UsageDetails? usage)
    {
        var input = usage?.InputTokenCount ?? 0;
        var output = usage?.OutputTokenCount ?? 0;
        if (PriceOf(model) is not { } price)
            return new CallCost(input, output, 0m, false,
                $"No price is configured for {model} (Promptmark:Models:Prices:{model}), so it is counted as costing nothing.");
        var cost = (input * price.InputPerMillion + output * price.OutputPerMillion) / TokensPerMillion;
        return new CallCost(input, output, cost, true, null);
    }

    /// <summary>The configured price, or null when the model costs nothing here.</summary>
    public ModelPrice? PriceOf(ModelId model) => options.Value.Prices.GetValueOrDefault(model.ToString());
}
