using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.Extensions.Options;
using Promptmark.Api.Engines.Egress;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.PostHog;

[Description("Configure PostHog analytics with your own project and personal API keys. Validates key prefixes, validates the host URL (HTTPS scheme required, internal/private addresses blocked for SSRF), encrypts the keys, and saves the configuration.")]
public sealed record ConfigurePostHog : PrivateInput, ISlice<PostHogConfigured>, IValidated
{
    public const int MaxKey = 200;

    public static SliceBinding Binding { get; } = SliceBinding.Put("/api/posthog").AsTool("configure_posthog", "Configure PostHog analytics")
        .Described("Send an $ai_generation event (model, provider, tokens, cost, latency, outcome; never message text) to your PostHog " +
                   "project for each model call; the keys are sealed and never returned");

    [Required, Description("PostHog project API key (must start with phc_)")]
    public string ProjectApiKey { get; init; } = "";

    [Description("PostHog personal API key for feature flags (must start with phx_)")]
    public string? PersonalApiKey { get; init; }

    [Description("PostHog instance URL (default https://us.i.posthog.com). Use https://eu.i.posthog.com for EU Cloud or your own URL for self-hosted.")]
    public string? Host { get; init; }

    [Description("Enable or disable analytics (default true)")]
    public bool? Enabled { get; init; }

    public void Validate(InputErrors errors)
    {
        ValidateKey(ProjectApiKey, "phc_", PostHogSecrets.ProjectKeyField, errors);
        if (PersonalApiKey is { Length: > 0 } personal) ValidateKey(personal, "phx_", PostHogSecrets.PersonalKeyField, errors);
    }

    // The message names the prefix and the rule, never the value.
    private static void ValidateKey(string key, string prefix, string field, InputErrors errors) =>
        errors.When(!key.StartsWith(prefix, StringComparison.Ordinal) || key.Length > MaxKey || key.Length == prefix.Length
                    || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'),
            field, $"must start with {prefix} followed by letters, digits, '_' or '-' (at most {MaxKey} characters)");
}

public sealed record PostHogConfigured(string Message, string Host, bool Enabled, bool HasProjectKey, bool HasPersonalKey);

public static class ConfigurePostHogHandler
{
    public static async Task<PostHogConfigured> Handle(
        ConfigurePostHog command, IDocumentSession session, ConnectionUrlPolicy urlPolicy, PostHogSecrets secrets, IOptions<PostHogOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        // An allowlisted host (Promptmark:Connections:AllowedHosts) may use plain http, as for connections and model servers.
        var check = urlPolicy.Check((command.Host is { Length: > 0 } given ? given : options.Value.DefaultHost).Trim());
        if (!check.IsAllowed) throw new InvalidInputException("host", check.Refusal);

        var userId = session.CallerId();
        var settings = await session.LoadAsync<PostHogSettings>(userId, ct) ?? new PostHogSettings { Id = userId };
        settings.Host = check.Url.AbsoluteUri.TrimEnd('/');
        settings.Enabled = command.Enabled ?? true;
        settings.ProjectApiKey = secrets.Seal(settings, PostHogSecrets.ProjectKeyField, command.ProjectApiKey);
        settings.PersonalApiKey = command.PersonalApiKey is { Length: > 0 } personal ? secrets.Seal(settings, PostHogSecrets.PersonalKeyField, personal) : null;
        settings.UpdatedAt = clock.GetUtcNow();
        session.Store(settings);
        return new PostHogConfigured(settings.Enabled ? $"PostHog analytics send to {settings.Host}." : "PostHog analytics are configured and disabled.",
            settings.Host, settings.Enabled, HasProjectKey: true, HasPersonalKey: settings.PersonalApiKey is not null);
    }
}
