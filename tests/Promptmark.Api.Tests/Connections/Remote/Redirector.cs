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

/// <summary>A listener on 127.0.0.1 that answers every request with a 307 to <c>target</c> and records what it saw.</summary>
public sealed class Redirector(WebApplication app) : IAsyncDisposable
{
    public ConcurrentQueue<string> AuthorizationSeen { get; } = new();

    public Uri Url => new($"http://127.0.0.1:{Port}/mcp");

    public int Port => new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single()).Port;

    public static async Task<Redirector> StartAsync(Uri target)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var redirector = new Redirector(app);
        app.Run(context =>
        {
            redirector.AuthorizationSeen.Enqueue(context.Request.Headers.Authorization.ToString());
            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = target.AbsoluteUri;
            return Task.CompletedTask;
        });
        await app.StartAsync();
        return redirector;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
