using Promptmark.Api.Tests.Engines.Models;

namespace Promptmark.Api.Tests.Support;

/// <summary>One OpenAI-compatible model server for a test class, e.g. for the provider a <c>TenantWorld</c> owns.</summary>
public sealed class ModelServerFixture : IAsyncLifetime
{
    public OpenAiCompatibleServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await OpenAiCompatibleServer.StartAsync();

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
