using System.Text.RegularExpressions;
using Promptmark.Api.Engines.Egress;
using Promptmark.Api.Engines.Models;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Providers;

/// <summary>The rules for a provider's name, URL, key and budget.</summary>
public static partial class ProviderFields
{
    public const int MaxApiKey = 1000;
    public const decimal MaxBudgetUsd = 1_000_000m;

    public const string NameRule = "must be 1-40 lower-case letters, digits, '-' or '_', starting with a letter or digit (e.g. openai, anthropic, openrouter, ollama)";

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,39}$")]
    private static partial Regex NamePattern();

    public static void ValidateName(string name, InputErrors errors) => errors.When(!NamePattern().IsMatch(name), "name", NameRule);

    public static void ValidateBudget(decimal? budget, InputErrors errors) =>
        errors.When(budget is < 0 or > MaxBudgetUsd, "monthly_budget_usd", $"must be between 0 and {MaxBudgetUsd} (US dollars), or absent for no ceiling");

    /// <summary>The URL as it will be dialled, or a 400 that says why it is not allowed (never what is behind it).</summary>
    public static string CheckedBaseUrl(ConnectionUrlPolicy policy, string url)
    {
        var check = policy.Check(url.Trim());
        return check.IsAllowed ? check.Url.AbsoluteUri : throw new InvalidInputException("base_url", check.Refusal);
    }

    public static Uri BaseUrlOf(ModelProvider provider) =>
        provider.BaseUrl is { } given ? new Uri(given) : ProviderKinds.DefaultBaseUrl(provider.Kind)!;
}
