namespace Promptmark.Api.Tests.Support;

/// <summary>
/// One server-everything (Streamable HTTP) for a test class, with auth proxies in front of it on demand: each proxy
/// demands one header, so a connection only works when Promptmark sends exactly the right credentials.
/// </summary>
public sealed class EverythingFixture : IAsyncLifetime
{
    private readonly List<AuthProxy> _proxies = [];

    public EverythingServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await EverythingServer.StartAsync(EverythingTransport.StreamableHttp);

    public async Task<AuthProxy> ProxyAsync(RequiredHeader? required)
    {
        var proxy = new AuthProxy(Server.BaseAddress, LoopbackPort.Reserve()) { Required = required };
        await proxy.StartAsync();
        lock (_proxies) _proxies.Add(proxy);
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var proxy in _proxies) await proxy.DisposeAsync();
        if (Server is not null) await Server.DisposeAsync();
    }
}
