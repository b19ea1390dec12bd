using Microsoft.Extensions.Primitives;

namespace Promptmark.Api.Infrastructure.Hosting;

/// <summary>
/// An endpoint data source that builds its endpoints once (again only after it signals a change). Minimal API's own
/// source, which FastEndpoints maps every route into, builds them anew on every read, compiling an expression per route,
/// and at start-up they are read twice: by the authorization middleware's policy cache and by the router on the first
/// request. <see cref="UseEndpointsBuiltOnce"/> wraps the app's sources and starts the one build on the thread pool, so
/// it overlaps the hosted services' start instead of following it.
/// </summary>
public sealed class EndpointsBuiltOnce(EndpointDataSource inner) : EndpointDataSource
{
    private readonly Lock _gate = new();
    private IReadOnlyList<Endpoint>? _endpoints;
    private IChangeToken? _builtUntil;

    public override IReadOnlyList<Endpoint> Endpoints
    {
        get
        {
            lock (_gate)
            {
                if (_endpoints is null || _builtUntil!.HasChanged)
                {
                    // The token is taken first: a change while building is then seen on the next read.
                    _builtUntil = inner.GetChangeToken();
                    _endpoints = inner.Endpoints;
                }
                return _endpoints;
            }
        }
    }

    public override IChangeToken GetChangeToken() => inner.GetChangeToken();

    public override IReadOnlyList<Endpoint> GetGroupedEndpoints(RouteGroupContext context) => inner.GetGroupedEndpoints(context);

    /// <summary>Call once every endpoint is mapped; a source mapped later is served as it is.</summary>
    public static void UseEndpointsBuiltOnce(IEndpointRouteBuilder app)
    {
        var sources = app.DataSources.Select(source => source as EndpointsBuiltOnce ?? new EndpointsBuiltOnce(source)).ToList();
        app.DataSources.Clear();
        foreach (var source in sources) app.DataSources.Add(source);
        _ = Task.Run(() => sources.ForEach(source => _ = source.Endpoints));
    }
}
