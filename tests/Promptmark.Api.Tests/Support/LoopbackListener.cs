using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Promptmark.Api.Tests.Support;

/// <summary>A tiny web server on 127.0.0.1 (a free port) that answers every request with one delegate.</summary>
public sealed class LoopbackListener(WebApplication app) : IAsyncDisposable
{
    public int Port => new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single()).Port;

    public Uri Url => At("/mcp");

    public Uri At(string pathAndQuery) => new($"http://127.0.0.1:{Port}{pathAndQuery}");

    public static async Task<LoopbackListener> StartAsync(RequestDelegate answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(answer);
        await app.StartAsync();
        return new LoopbackListener(app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
