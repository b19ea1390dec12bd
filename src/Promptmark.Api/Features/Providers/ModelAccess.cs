using Marten;
using Microsoft.Extensions.AI;
using Promptmark.Api.Engines.Egress;
using Promptmark.Api.Engines.Models;
using Promptmark.Api.Features.PostHog;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.Providers;

/// <summary>A model ready to be called for the caller, and the id its usage is recorded under.</summary>
public sealed record OpenedModel(ModelId Id, IChatClient Client);

/// <summary>
/// The providers area's surface for anything that calls a model: opens a <c>provider/model</c> for the caller from their
/// sealed settings, refusing before anything is sent when the provider is missing or a budget is reached, and records
/// what each call cost. Each call is reported to the caller's PostHog, when they have one (<see cref="GenerationAnalytics"/>).
/// </summary>
public sealed class ModelAccess(ProviderSecrets secrets, ModelClients clients, UsageCalculator usage, GenerationAnalytics analytics, TimeProvider clock)
{
    /// <param name="feature">What the analytics event calls the feature making the call.</param>
    public async Task<OpenedModel> OpenAsync(IDocumentSession session, string modelId, CancellationToken ct, string feature = AnalyticsFeatures.Conversation)
    {
        if (!ModelId.TryParse(modelId, out var id))
            throw new InvalidInputException("model_id", $"must be {ModelId.Format}");
        var callerId = session.CallerId();
        // One round trip for everything the call needs to know.
        var batch = session.CreateBatchQuery();
        var found = batch.Query<ModelProvider>().Where(p => p.Name == id.Provider).SingleOrDefault();
        var spending = batch.SpentByProvider(SpendBudget.MonthOf(clock.GetUtcNow()));
        var userBudget = batch.UserBudget(callerId);
        var analyticsSettings = GenerationAnalytics.SettingsIn(batch, callerId);
        await batch.Execute(ct);
        var provider = await found ?? throw new UnprocessableException(NotConfigured(id.Provider));

        var spent = await spending;
        var refusal = SpendBudget.Refusal(provider.Name,
            new MonthToDate(spent.Values.Sum(), spent.GetValueOrDefault(provider.Name)),
            new MonthlyBudgets(await userBudget, provider.MonthlyBudgetUsd));
        if (refusal is not null) throw new UnprocessableException(refusal);

        IChatClient client;
        try
        {
            client = clients.ChatClient(secrets.Endpoint(provider, callerId), id.Model);
        }
        catch (EgressRefusedException refused)
        {
            throw new UnprocessableException($"Provider {provider.Name}: {refused.Message}");
        }
        return new OpenedModel(id, analytics.Reporting(await analyticsSettings, callerId, client, id, feature));
    }

    /// <summary>Prices a finished call from the usage its provider reported and adds it to this month's spend.</summary>
    public async Task<CallCost> RecordAsync(IDocumentSession session, ModelId id, UsageDetails? reported, CancellationToken ct)
    {
        var cost = usage.Cost(id, reported);
        await session.RecordAsync(SpendBudget.MonthOf(clock.GetUtcNow()), id.Provider, cost, ct);
        return cost;
    }

    public static string NotConfigured(string provider) =>
        $"No model provider named {provider} is configured: add it with PUT /api/providers/{provider} " +
        "(openai, anthropic and openrouter take an api_key; any other name is an OpenAI-compatible server and takes a base_url).";

    public const string NoneConfigured =
        "No model provider is configured: add one with PUT /api/providers/{name} " +
        "(openai, anthropic and openrouter take an api_key; any other name is an OpenAI-compatible server and takes a base_url).";
}
