using Microsoft.AspNetCore.Http;

namespace Promptmark.Api.Tests.Support;

/// <summary>The redirect <see cref="AuthProxy"/> answers instead of forwarding.</summary>
public sealed record ProxyRedirect(Uri Location, int StatusCode = StatusCodes.Status307TemporaryRedirect);
