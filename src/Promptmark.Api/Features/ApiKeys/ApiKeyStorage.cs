using Marten;

namespace Promptmark.Api.Features.ApiKeys;

/// <summary>Keys are found by their hash on every API-key request, across users: an index makes that one indexed read.</summary>
public sealed class ApiKeyStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) => options.Schema.For<ApiKey>().Index(k => k.Hash);
}
