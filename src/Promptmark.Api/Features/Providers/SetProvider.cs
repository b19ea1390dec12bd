using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Engines.Egress;
using Promptmark.Api.Engines.Models;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Providers;

[Description("Add or replace one of your model providers. openai, anthropic and openrouter are the hosted providers (an API key is required; " +
             "base_url overrides where their API lives); any other name is an OpenAI-compatible server (Ollama, vLLM, LM Studio, llama.cpp) " +
             "and needs base_url. The key is stored encrypted and never returned; leaving api_key out keeps the stored one.")]
public sealed record SetProvider : PrivateInput, ISlice<ProviderView>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Put("/api/providers/{name}")
        .Described("Add or replace a model provider (the key is sealed, never returned)");

    [Required, Description("openai, anthropic, openrouter, or your own name for an OpenAI-compatible server (e.g. ollama)")]
    public string Name { get; init; } = "";

    [Description("The provider's API key; absent keeps the stored key, an empty string removes it")]
    public string? ApiKey { get; init; }

    [Description("The API root, e.g. http://127.0.0.1:11434/v1 for Ollama; required for an OpenAI-compatible server, absent for a hosted provider's own")]
    public string? BaseUrl { get; init; }

    [Description("A monthly spend ceiling for this provider in US dollars; calls are refused once it is reached. Absent for none")]
    public decimal? MonthlyBudgetUsd { get; init; }

    public void Validate(InputErrors errors)
    {
        ProviderFields.ValidateName(Name, errors);
        ProviderFields.ValidateBudget(MonthlyBudgetUsd, errors);
        errors.When(ApiKey?.Length > ProviderFields.MaxApiKey, "api_key", $"must be at most {ProviderFields.MaxApiKey} characters");
        errors.When(ApiKey is not null && ApiKey.Any(char.IsControl), "api_key", "must not contain control characters");
        errors.When(!ProviderKinds.IsHosted(Name) && string.IsNullOrWhiteSpace(BaseUrl), "base_url",
            "is required for an OpenAI-compatible server (a name other than openai, anthropic or openrouter)");
    }
}

public static class SetProviderHandler
{
    public static async Task<ProviderView> Handle(
        SetProvider command, IDocumentSession session, ConnectionUrlPolicy urlPolicy, ProviderSecrets secrets, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var baseUrl = string.IsNullOrWhiteSpace(command.BaseUrl) ? null : ProviderFields.CheckedBaseUrl(urlPolicy, command.BaseUrl);
        var provider = await session.FindProviderAsync(command.Name, ct)
                       ?? new ModelProvider { Id = Guid.CreateVersion7(), Name = command.Name, Kind = ProviderKinds.ForName(command.Name), CreatedAt = now };

        var keyChanges = command.ApiKey is not null;
        if (keyChanges)
        {
            if (command.ApiKey!.Length == 0) provider.ApiKey = null;
            else secrets.Store(provider, session.CallerId(), command.ApiKey);
        }
        if (ProviderKinds.IsHosted(provider.Name) && provider.ApiKey is null)
            throw new InvalidInputException("api_key", $"is required for {provider.Name}");

        if (keyChanges || baseUrl != provider.BaseUrl) provider.Revision++;
        provider.BaseUrl = baseUrl;
        provider.MonthlyBudgetUsd = command.MonthlyBudgetUsd;
        provider.UpdatedAt = now;
        session.Store(provider);

        var spent = await session.SpentByProviderAsync(SpendBudget.MonthOf(now), ct);
        return ProviderView.Of(provider, spent.GetValueOrDefault(provider.Name));
    }
}
