using System.Collections.Concurrent;
using FastEndpoints;

namespace Promptmark.Api.Infrastructure.Hosting;

/// <summary>
/// FastEndpoints' service resolver, registered ahead of its own, which differs in one way: the factory for a type is
/// compiled only when a second instance of it is asked for. FastEndpoints makes one instance of every endpoint while it
/// maps the routes at start-up, and one per request after that; its own resolver compiles an expression for each
/// endpoint type at that first instance, which made the mapping the biggest part of a cold start. Here that first
/// instance is made by reflection, and an endpoint's factory is compiled on its first request.
/// </summary>
/// <remarks>Services are resolved from the current request's scope, or from the root provider outside a request.</remarks>
public sealed class LazyFactoryServiceResolver(IServiceProvider root, IHttpContextAccessor http) : IServiceResolver
{
    // A type made once has a null factory until it is asked for again.
    private readonly ConcurrentDictionary<Type, ObjectFactory?> _factories = new();
    private readonly ConcurrentDictionary<Type, object> _singletons = new();

    private IServiceProvider Services => http.HttpContext?.RequestServices ?? root;

    public object CreateInstance(Type type, IServiceProvider? serviceProvider = null)
    {
        var services = serviceProvider ?? Services;
        if (_factories.TryGetValue(type, out var factory))
            return (factory ?? (_factories[type] = ActivatorUtilities.CreateFactory(type, Type.EmptyTypes)))(services, null);
        _factories.TryAdd(type, null);
        return ActivatorUtilities.CreateInstance(services, type);
    }

    public object CreateSingleton(Type type) => _singletons.GetOrAdd(type, singleton => ActivatorUtilities.CreateInstance(root, singleton));

    public IServiceScope CreateScope() => root.CreateScope();

    public TService? TryResolve<TService>() where TService : class => Services.GetService<TService>();

    public object? TryResolve(Type typeOfService) => Services.GetService(typeOfService);

    public TService Resolve<TService>() where TService : class => Services.GetRequiredService<TService>();

    public object Resolve(Type typeOfService) => Services.GetRequiredService(typeOfService);

    public TService? TryResolve<TService>(string keyName) where TService : class => Services.GetKeyedService<TService>(keyName);

    public object? TryResolve(Type typeOfService, string keyName) =>
        Services is IKeyedServiceProvider keyed ? keyed.GetKeyedService(typeOfService, keyName) : null;

    public TService Resolve<TService>(string keyName) where TService : class => Services.GetRequiredKeyedService<TService>(keyName);

    public object Resolve(Type typeOfService, string keyName) => Services.GetRequiredKeyedService(typeOfService, keyName);
}
