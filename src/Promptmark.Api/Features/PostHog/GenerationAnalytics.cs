using Marten.Services.BatchQuerying;
using Microsoft.Extensions.AI;
using Promptmark.Api.Engines.Models;
using Promptmark.Api.Infrastructure.Secrets;

namespace Promptmark.Api.Features.PostHog;

/// <summary>What LLM analytics call a feature: the <c>feature</c> property of an <c>$ai_generation</c> event.</summary>
public static class AnalyticsFeatures
{
    public const string Conversation = "conversation";
    public const string PromptTool = "prompt_tool";
    public const string Playbook = "playbook";
}

/// <summary>
/// The PostHog area's surface for whoever calls a model: wraps the model's client so that each call is reported to the
/// caller's PostHog as an <c>$ai_generation</c> event, when they have it configured and enabled. The report is queued,
/// never awaited, and carries no message text.
/// </summary>
public sealed class GenerationAnalytics(PostHogSecrets secrets, PostHogQueue queue, UsageCalculator usage, TimeProvider clock, ILogger<GenerationAnalytics> logger)
{
    /// <summary>The caller's PostHog settings, read with the batch's other queries when it executes (a model call opens in one round trip).</summary>
    public static Task<PostHogSettings?> SettingsIn(IBatchedQuery batch, Guid userId) => batch.Load<PostHogSettings>(userId);

    /// <param name="settings">What <see cref="SettingsIn"/> read for <paramref name="userId"/>.</param>
    public IChatClient Reporting(PostHogSettings? settings, Guid userId, IChatClient client, ModelId model, string feature)
    {
        if (settings is not { Enabled: true, ProjectApiKey: not null }) return client;
        try
        {
            var destination = new PostHogDestination(settings.Host, secrets.OpenProjectKey(settings));
            return new ReportingChatClient(client, new GenerationReporter(destination, userId, model, feature, queue, usage, clock));
        }
        catch (SecretUnsealException)
        {
            // Analytics must never stand in the way of a chat: the call goes ahead unreported.
            logger.LogWarning("The PostHog project key of user {UserId} cannot be opened with the configured sealing keys; their model calls are not reported", userId);
            return client;
        }
    }
}
