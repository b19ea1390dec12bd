using System.Security.Claims;

namespace Promptmark.Api.Infrastructure.Auth;

/// <summary>Reads an OAuth access token from the request, for the doors that take one (see <see cref="PromptmarkAuthentication"/>).</summary>
public interface IOAuthBearer
{
    /// <summary>The caller the request's access token stands for, or null when it carries none that is valid here.</summary>
    Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext http);
}
