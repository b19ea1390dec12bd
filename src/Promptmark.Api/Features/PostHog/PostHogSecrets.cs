using Promptmark.Api.Infrastructure.Secrets;

namespace Promptmark.Api.Features.PostHog;

/// <summary>Seals the PostHog keys bound to their owner and field, and opens the project key only to send events.</summary>
public sealed class PostHogSecrets(ISecretSealer sealer)
{
    private const string Purpose = "posthog";
    public const string ProjectKeyField = "project_api_key";
    public const string PersonalKeyField = "personal_api_key";

    public SealedSecret Seal(PostHogSettings settings, string field, string key) => sealer.Seal(key, Context(settings, field));

    /// <exception cref="SecretUnsealException">The key was sealed with a sealing key that is no longer configured.</exception>
    public string OpenProjectKey(PostHogSettings settings) => sealer.Unseal(settings.ProjectApiKey!, Context(settings, ProjectKeyField));

    private static SealingContext Context(PostHogSettings settings, string field) => new(Purpose, settings.Id, settings.Id, field);
}
