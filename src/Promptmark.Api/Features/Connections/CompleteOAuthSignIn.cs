using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Connections.OAuth;
using Promptmark.Api.Features.Connections.Remote;
using Promptmark.Api.Features.Connections.Tools;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Connections;

[Description("Complete \"Sign in with OAuth\" with what the authorization server sent the browser back with: the state is checked, the code redeemed with the PKCE verifier, the tokens stored sealed, and the connection tested.")]
public sealed record CompleteOAuthSignIn : PrivateInput, ISlice<ConnectionTestResult>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/mcp/connections/oauth/callback").Needs(AccessScope.Execute).MayAnswer(422, 502)
        .Described("Complete an OAuth sign-in: check the state, redeem the code, store the tokens sealed and test the connection");

    [Required, Description("The state parameter of the callback, as received")]
    public string? State { get; init; }

    [Description("The authorization code of the callback; absent when the server answered an error")]
    public string? Code { get; init; }

    [Description("The error parameter of the callback (e.g. access_denied), when the user did not approve")]
    public string? Error { get; init; }

    public void Validate(InputErrors errors)
    {
        errors.When(State is not null && OAuthState.TryParse(State) is null, "state", "is not the state of a Promptmark sign-in");
        errors.When(Error is not null && !(Error.Length is > 0 and <= 64 && Error.All(c => char.IsAsciiLetterLower(c) || c == '_')),
            "error", "must be an OAuth error code such as access_denied");
    }
}

public static class CompleteOAuthSignInHandler
{
    public static async Task<ConnectionTestResult> Handle(
        CompleteOAuthSignIn command, IDocumentSession session, OAuthSignIns signIns, ToolDiscovery discovery, RemoteMcpSessions remote,
        TimeProvider clock, CancellationToken ct)
    {
        var state = OAuthState.TryParse(command.State)!;
        var connection = await session.LoadConnectionAsync(state.ConnectionId.ToString(), ct);
        if (command.Error is { } error)
            throw new UnprocessableException($"OAuth sign-in was not completed: the authorization server answered {error}");
        // Checked once the connection is known to be the caller's, so a stranger learns nothing but "not found".
        if (command.Code is null) throw new InvalidInputException("code", "is required unless error is given");

        await signIns.CompleteAsync(connection, session.CallerId(), state, command.Code!, ct);
        connection.UpdatedAt = clock.GetUtcNow();
        await remote.CloseAsync(connection.Id);
        var failure = await discovery.RefreshAsync(session, connection, ct);
        return new ConnectionTestResult(failure is null, failure, ConnectionView.Of(connection, clock.GetUtcNow()));
    }
}
