namespace Promptmark.Api.Features.Providers;

/// <summary>A provider's settings as the user sees them: never the key, only whether one is stored.</summary>
public sealed record ProviderView(
    string Name, string Kind, string BaseUrl, bool HasApiKey, decimal? MonthlyBudgetUsd, decimal SpentThisMonthUsd,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ProviderView Of(ModelProvider provider, decimal spentThisMonthUsd) => new(
        provider.Name, provider.Kind, ProviderFields.BaseUrlOf(provider).AbsoluteUri, provider.ApiKey is not null, provider.MonthlyBudgetUsd,
        spentThisMonthUsd, provider.CreatedAt, provider.UpdatedAt);
}
