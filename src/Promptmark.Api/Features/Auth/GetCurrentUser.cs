using System.ComponentModel;
using Marten;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Auth;

[Description("The signed-in user.")]
public sealed record GetCurrentUser : PrivateInput, ISlice<UserView>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/auth/me");
}

public static class GetCurrentUserHandler
{
    public static async Task<UserView> Handle(GetCurrentUser query, IDocumentSession session, CancellationToken ct) =>
        await session.LoadAsync<User>(session.CallerId(), ct) is { } user ? UserView.Of(user) : throw new NotFoundException("user");
}
