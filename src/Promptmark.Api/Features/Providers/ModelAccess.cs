using Marten;
using Marten.Services.BatchQuerying;
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
        // One round trip for everything the call needs to know.
        var batch = session.CreateBatchQuery();
        var opening = Open(batch, session.CallerId(), modelId, feature);
        await batch.Execute(ct);
        return await opening;
    }

    /// <summary>
    /// <see cref="OpenAsync"/> for a caller that reads more in the same round trip: the provider's settings, the month's
    /// spend and the analytics settings are queued on <paramref name="batch"/>; the task completes once it has executed.
    /// </summary>
    /// <param name="hostedTools">Whether the call passes the provider's built-in tools (<see cref="ModelClients.HostedToolsChatClient"/>).</param>
    /// <exception cref="InvalidInputException">The model id is not <c>provider/model</c> (thrown at once).</exception>
    public Task<OpenedModel> Open(IBatchedQuery batch, Guid callerId, string modelId, string feature = AnalyticsFeatures.Conversation, bool hostedTools = false)
    {
        if (!ModelId.TryParse(modelId, out var id))
            throw new InvalidInputException("model_id", $"must be {ModelId.Format}");
        var found = batch.Query<ModelProvider>().Where(p => p.Name == id.Provider).SingleOrDefault();
        var spending = batch.SpentByProvider(SpendBudget.MonthOf(clock.GetUtcNow()));
        var userBudget = batch.UserBudget(callerId);
        var analyticsSettings = GenerationAnalytics.SettingsIn(batch, callerId);
        return OpenedAsync(id, callerId, feature, hostedTools, found, spending, userBudget, analyticsSettings);
    }

    private async Task<OpenedModel> OpenedAsync(ModelId id, Guid callerId, string feature, bool hostedTools, Task<ModelProvider?> found,
        Task<IReadOnlyDictionary<string, decimal>> spending, Task<decimal?> userBudget, Task<PostHogSettings?> analyticsSettings)
    {
        var provider = await found ?? throw new UnprocessableException(NotConfigured(id.Provider));

        var spent = await spending;
        var refusal = SpendBudget.Refusal(provider.Name,
            new MonthToDate(spent.Values.Sum(), spent.GetValueOrDefault(provider.Name)),
            new MonthlyBudgets(await userBudget, provider.MonthlyBudgetUsd));
        if (refusal is not null) throw new UnprocessableException(refusal);

        IChatClient client;
        try
        {
            var endpoint = secrets.Endpoint(provider, callerId);
            client = hostedTools ? clients.HostedToolsChatClient(endpoint, id.Model) : clients.ChatClient(endpoint, id.Model);
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
