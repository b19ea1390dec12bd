using Promptmark.Api.Tests.Support;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Promptmark.Api.Tests.Connections.Remote;

/// <summary>A listener on 127.0.0.1 that answers every request with a 307 to <c>target</c> and records what it saw.</summary>
public sealed class Redirector : IAsyncDisposable
{
    private LoopbackListener _listener = null!;

    public ConcurrentQueue<string> AuthorizationSeen { get; } = new();

    public Uri Url => _listener.Url;

    public int Port => _listener.Port;

    public static async Task<Redirector> StartAsync(Uri target)
    {
        var redirector = new Redirector();
        redirector._listener = await LoopbackListener.StartAsync(context =>
        {
            redirector.AuthorizationSeen.Enqueue(context.Request.Headers.Authorization.ToString());
            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = target.AbsoluteUri;
            return Task.CompletedTask;
        });
        return redirector;
    }

    public ValueTask DisposeAsync() => _listener.DisposeAsync();
}
