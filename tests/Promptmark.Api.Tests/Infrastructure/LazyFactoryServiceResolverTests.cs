using FastEndpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Promptmark.Api.Infrastructure.Hosting;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Infrastructure;

public sealed class LazyFactoryServiceResolverTests(PromptmarkApp app)
{
    public sealed class Tally;

    public sealed class NeedsTally(Tally tally)
    {
        public Tally Tally { get; } = tally;
    }

    [Fact]
    public void Every_instance_gets_the_services_of_the_scope_it_is_made_in_whether_made_by_reflection_or_by_the_compiled_factory()
    {
        using var root = new ServiceCollection().AddScoped<Tally>().BuildServiceProvider();
        var resolver = new LazyFactoryServiceResolver(root, new HttpContextAccessor());
        using var first = root.CreateScope();
        using var second = root.CreateScope();

        // The first instance is made by reflection, the later ones by the factory compiled on the second.
        var made = new[] { first, second, first, second }
            .Select(scope => (Scope: scope, Instance: (NeedsTally)resolver.CreateInstance(typeof(NeedsTally), scope.ServiceProvider)))
            .ToList();

        made.Select(m => m.Instance).Distinct().Count().ShouldBe(4);
        foreach (var (scope, instance) in made)
            instance.Tally.ShouldBeSameAs(scope.ServiceProvider.GetRequiredService<Tally>());
    }

    [Fact]
    public void In_a_request_services_come_from_its_scope_and_outside_one_from_the_root()
    {
        var services = new ServiceCollection().AddScoped<Tally>().AddKeyedScoped<Tally>("spare");
        using var root = services.BuildServiceProvider();
        var http = new HttpContextAccessor();
        var resolver = new LazyFactoryServiceResolver(root, http);
        using var request = root.CreateScope();

        var outside = resolver.Resolve<Tally>();
        outside.ShouldBeSameAs(root.GetRequiredService<Tally>());
        http.HttpContext = new DefaultHttpContext { RequestServices = request.ServiceProvider };
        resolver.Resolve<Tally>().ShouldBeSameAs(request.ServiceProvider.GetRequiredService<Tally>());
        resolver.Resolve(typeof(Tally)).ShouldNotBeSameAs(outside);
        ((NeedsTally)resolver.CreateInstance(typeof(NeedsTally))).Tally.ShouldBeSameAs(request.ServiceProvider.GetRequiredService<Tally>());
        resolver.Resolve<Tally>("spare").ShouldBeSameAs(request.ServiceProvider.GetRequiredKeyedService<Tally>("spare"));
        resolver.TryResolve(typeof(Tally), "spare").ShouldBeSameAs(request.ServiceProvider.GetRequiredKeyedService<Tally>("spare"));
        resolver.TryResolve<NeedsTally>().ShouldBeNull();
        resolver.TryResolve<Tally>("missing").ShouldBeNull();
        Should.Throw<InvalidOperationException>(() => resolver.Resolve<NeedsTally>());
        resolver.CreateSingleton(typeof(NeedsTally)).ShouldBeSameAs(resolver.CreateSingleton(typeof(NeedsTally)));
    }

    [Fact]
    public void The_app_makes_its_endpoints_through_it()
    {
        app.Host.Services.GetRequiredService<IServiceResolver>().ShouldBeOfType<LazyFactoryServiceResolver>();
    }
}
