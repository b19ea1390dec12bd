using Marten;
using Promptmark.Api.Infrastructure.Secrets;

namespace Promptmark.Api.Features.PostHog;

/// <summary>A user's own PostHog project, where their LLM calls are reported. One per user (its id is the user's); keys stored sealed only.</summary>
public sealed class PostHogSettings
{
    public Guid Id { get; set; }
    public SealedSecret? ProjectApiKey { get; set; }
    public SealedSecret? PersonalApiKey { get; set; }
    public string Host { get; set; } = "";
    public bool Enabled { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Named so that the schema applied at start creates its table: every model call reads it, and most users never write it.</summary>
public sealed class PostHogSettingsStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) => options.Schema.For<PostHogSettings>();
}

/// <summary>Operator settings, bound from <c>Promptmark:PostHog</c>.</summary>
public sealed class PostHogOptions
{
    public const string SectionName = "Promptmark:PostHog";

    /// <summary>The host of a user who names none: PostHog's US cloud.</summary>
    public string DefaultHost { get; set; } = "https://us.i.posthog.com";
}
