using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Promptmark.Api.Engines.Egress;
using Promptmark.Api.Features.Connections.Remote;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Connections.Remote;

public sealed class RemoteMcpServicesTests(PromptmarkApp app)
{
    [Fact]
    public async Task Allowed_hosts_are_read_from_the_promptmark_connections_section()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Promptmark:Connections:AllowedHosts:0"] = "127.0.0.1:3101" })
            .Build();
        await using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddRemoteMcpSessions()
            .BuildServiceProvider();

        var policy = provider.GetRequiredService<ConnectionUrlPolicy>();

        policy.Check("http://127.0.0.1:3101/mcp").IsAllowed.ShouldBeTrue();
        policy.Check("http://127.0.0.1:3102/mcp").IsAllowed.ShouldBeFalse();
        provider.GetRequiredService<RemoteMcpSessions>().ShouldNotBeNull();
    }

    [Fact]
    public void The_application_provides_one_pool_of_remote_sessions() =>
        app.Host.Services.GetRequiredService<RemoteMcpSessions>()
            .ShouldBeSameAs(app.Host.Services.GetRequiredService<RemoteMcpSessions>());
}
