using System.ComponentModel;
using Marten;
using Microsoft.Extensions.Options;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.PostHog;

[Description("Get the current PostHog analytics configuration status. Never returns decrypted keys.")]
public sealed record GetPostHogStatus : PrivateInput, ISlice<PostHogStatus>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/posthog").AsTool("get_posthog_status", "Get PostHog analytics status")
        .Described("Whether your model calls are reported to PostHog, and where (keys are never returned)");
}

public sealed record PostHogStatus(bool Configured, bool Enabled, bool HasPersonalKey, string Host);

public static class GetPostHogStatusHandler
{
    public static async Task<PostHogStatus> Handle(GetPostHogStatus query, IDocumentSession session, IOptions<PostHogOptions> options, CancellationToken ct) =>
        await session.LoadAsync<PostHogSettings>(session.CallerId(), ct) is { } settings
            ? new PostHogStatus(true, settings.Enabled, settings.PersonalApiKey is not null, settings.Host)
            : new PostHogStatus(false, false, false, options.Value.DefaultHost);
}
