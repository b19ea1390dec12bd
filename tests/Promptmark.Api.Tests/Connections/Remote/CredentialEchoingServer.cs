using Promptmark.Api.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Promptmark.Api.Tests.Connections.Remote;

/// <summary>A listener on 127.0.0.1 that answers 401 with the Authorization header it got written in the body.</summary>
public static class CredentialEchoingServer
{
    public static Task<LoopbackListener> StartAsync() => LoopbackListener.StartAsync(async context =>
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        await context.Response.WriteAsync($"bad credentials: {context.Request.Headers.Authorization}");
    });
}
