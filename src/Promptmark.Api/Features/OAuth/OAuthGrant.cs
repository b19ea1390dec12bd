using Marten;

namespace Promptmark.Api.Features.OAuth;

/// <summary>
/// What a user approved for one client: its scopes and the resource its tokens are for. Tokens are self-contained and
/// never stored; each carries this grant's id, so deleting the grant (revocation, or "Revoke" in Settings) ends every
/// token of it at once. The grant remembers only the id of the one authorization code not yet redeemed and of the one
/// refresh token still valid, which makes codes single-use and refresh tokens rotate.
/// </summary>
public sealed class OAuthGrant
{
    public Guid Id { get; set; }
    public required string ClientId { get; set; }
    public required string ClientName { get; set; }
    public required List<string> Scopes { get; set; }
    public required string Resource { get; set; }
    public DateTimeOffset ApprovedAt { get; set; }
    public string? PendingCodeId { get; set; }
    public string? CurrentRefreshTokenId { get; set; }
}

/// <summary>Configured, so the table is built at start: a restart of the same build creates none at run time (SchemaStamp).</summary>
public sealed class OAuthGrantStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) => options.Schema.For<OAuthGrant>();
}
