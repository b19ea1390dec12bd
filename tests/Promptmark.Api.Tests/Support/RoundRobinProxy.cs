using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Model;
using Yarp.ReverseProxy.Transforms;

namespace Promptmark.Api.Tests.Support;

/// <summary>
/// A load balancer on 127.0.0.1 (YARP) spreading requests over several Promptmark instances in turn, with no session
/// affinity. It records which instance answered each request, so a test can tell where a session's calls and stream landed.
/// </summary>
public sealed class RoundRobinProxy : IAsyncDisposable
{
    private readonly List<(string Method, string Path, Uri Instance)> _routed = [];
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The instances that have answered (sent the headers of their answer to) the requests for <paramref name="method"/> <paramref name="path"/>, in order.</summary>
    public IReadOnlyList<Uri> InstancesFor(string method, string path)
    {
        lock (_routed) return _routed.Where(r => r.Method == method && r.Path == path).Select(r => r.Instance).ToList();
    }

    public static async Task<RoundRobinProxy> StartAsync(IReadOnlyList<Uri> instances)
    {
        var proxy = new RoundRobinProxy();
        var port = LoopbackPort.Reserve();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "all", ClusterId = "promptmark", Match = new RouteMatch { Path = "{**rest}" } }],
            [new ClusterConfig
            {
                ClusterId = "promptmark",
                LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
                Destinations = instances.Select((uri, i) => (uri, i))
                    .ToDictionary(d => $"instance-{d.i}", d => new DestinationConfig { Address = d.uri.ToString() }),
            }])
            // Runs as the instance's answer arrives, before its body: for an event stream, once the instance has opened it.
            .AddTransforms(transforms => transforms.AddResponseTransform(answer =>
            {
                proxy.Record(answer.HttpContext.Request, answer.HttpContext.GetReverseProxyFeature().ProxiedDestination!);
                return ValueTask.CompletedTask;
            }));
        proxy._app = builder.Build();
        proxy._app.MapReverseProxy();
        await proxy._app.StartAsync();
        proxy.BaseAddress = new Uri($"http://127.0.0.1:{port}");
        return proxy;
    }

    private void Record(HttpRequest request, DestinationState destination)
    {
        lock (_routed) _routed.Add((request.Method, request.Path, new Uri(destination.Model.Config.Address)));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
