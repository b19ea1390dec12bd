using Marten;

namespace Promptmark.Api.Features.OAuth;

/// <summary>
/// An OAuth client that registered itself (RFC 7591), or one described by its Client ID Metadata Document (never stored,
/// see <see cref="ClientMetadataDocuments"/>). Clients are public (PKCE, no secret): they belong to no user, and what a
/// client may do for a user is the <see cref="OAuthGrant"/> that user approved.
/// </summary>
public sealed class OAuthClient
{
    /// <summary>The client_id Promptmark handed out at registration, or the URL of the client's metadata document.</summary>
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required List<string> RedirectUris { get; set; }
    /// <summary>The client's home page, as its metadata document gives it.</summary>
    public string? ClientUri { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
}

public sealed class OAuthClientStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) => options.Schema.For<OAuthClient>().SingleTenanted();
}
