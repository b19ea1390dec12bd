using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Promptmark.Api.Tests.Connections.Remote;

/// <summary>
/// A listener on 127.0.0.1 that records every request. <c>/redirect?status=S&amp;to=URL</c> answers S with that
/// Location; any other path answers 200.
/// </summary>
public sealed class HopServer(WebApplication app) : IAsyncDisposable
{
    public ConcurrentQueue<SeenHop> Seen { get; } = new();

    public int Port => new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single()).Port;

    public Uri Redirect(HttpStatusCode status, Uri to) =>
        new($"http://127.0.0.1:{Port}/redirect?status={(int)status}&to={Uri.EscapeDataString(to.AbsoluteUri)}");

    public Uri Final => new($"http://127.0.0.1:{Port}/final");

    public static async Task<HopServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new HopServer(app);
        app.Run(async context =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
            server.Seen.Enqueue(new SeenHop(context.Request.Method, context.Request.Path, body, context.Request.Headers.Authorization.ToString()));
            if (context.Request.Path == "/redirect")
            {
                context.Response.StatusCode = int.Parse(context.Request.Query["status"]!);
                context.Response.Headers.Location = context.Request.Query["to"].ToString();
            }
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record SeenHop(string Method, string Path, string Body, string Authorization);
