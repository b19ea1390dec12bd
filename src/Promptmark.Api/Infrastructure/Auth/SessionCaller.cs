using Marten;

namespace Promptmark.Api.Infrastructure.Auth;

public static class SessionCaller
{
    /// <summary>The user a handler works for: slices run in a Marten session whose tenant is the caller's id.</summary>
    public static Guid CallerId(this IQuerySession session) =>
        Guid.TryParse(session.TenantId, out var id) ? id : throw new InvalidOperationException("This handler needs a signed-in caller.");
}
