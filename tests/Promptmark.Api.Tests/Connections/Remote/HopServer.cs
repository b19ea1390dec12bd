using Promptmark.Api.Tests.Support;
using System.Collections.Concurrent;
using System.Net;

namespace Promptmark.Api.Tests.Connections.Remote;

/// <summary>
/// A listener on 127.0.0.1 that records every request. <c>/redirect?status=S&amp;to=URL</c> answers S with that
/// Location; any other path answers 200.
/// </summary>
public sealed class HopServer : IAsyncDisposable
{
    private LoopbackListener _listener = null!;

    public ConcurrentQueue<SeenHop> Seen { get; } = new();

    public int Port => _listener.Port;

    public Uri Redirect(HttpStatusCode status, Uri to) => _listener.At($"/redirect?status={(int)status}&to={Uri.EscapeDataString(to.AbsoluteUri)}");

    public Uri Final => _listener.At("/final");

    public static async Task<HopServer> StartAsync()
    {
        var server = new HopServer();
        server._listener = await LoopbackListener.StartAsync(async context =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
            server.Seen.Enqueue(new SeenHop(context.Request.Method, context.Request.Path, body, context.Request.Headers.Authorization.ToString()));
            if (context.Request.Path == "/redirect")
            {
                context.Response.StatusCode = int.Parse(context.Request.Query["status"]!);
                context.Response.Headers.Location = context.Request.Query["to"].ToString();
            }
        });
        return server;
    }

    public ValueTask DisposeAsync() => _listener.DisposeAsync();
}

public sealed record SeenHop(string Method, string Path, string Body, string Authorization);
