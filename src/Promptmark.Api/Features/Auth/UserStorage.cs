using Marten;

namespace Promptmark.Api.Features.Auth;

/// <summary>Users are the tenants, so their documents are not tenant-scoped; an email belongs to one account.</summary>
public sealed class UserStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) =>
        options.Schema.For<User>().SingleTenanted().UniqueIndex(u => u.Email);
}
