namespace Promptmark.Api.Engines.Models;

/// <summary>
/// The operator's price table, bound from <c>Promptmark:Models</c>: <c>Prices:&lt;provider/model&gt;:InputPerMillion</c>
/// and <c>OutputPerMillion</c>, in US dollars per million tokens. A model without an entry costs nothing.
/// </summary>
public sealed class ModelPricesOptions
{
    public const string SectionName = "Promptmark:Models";

    public Dictionary<string, ModelPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class ModelPrice
{
    public decimal InputPerMillion { get; set; }
    public decimal OutputPerMillion { get; set; }
}
