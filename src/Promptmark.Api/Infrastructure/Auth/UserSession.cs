using Marten;

namespace Promptmark.Api.Infrastructure.Auth;

/// <summary>
/// The server's record of one signed-in session. A session token (JWT) is accepted only while the record named by
/// its <c>jti</c> exists, so signing out, which deletes the record, ends the session at once on every door (REST,
/// <c>/mcp</c>, cookie or bearer). Not tenant-scoped: it is read by id before the caller is known.
/// </summary>
public sealed class UserSession
{
    /// <summary>The token's <c>jti</c>.</summary>
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}

public sealed class UserSessionStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) =>
        options.Schema.For<UserSession>().SingleTenanted().Index(s => s.ExpiresAt);
}
