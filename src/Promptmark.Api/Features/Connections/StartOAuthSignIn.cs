using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Connections.OAuth;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Connections;

[Description("Start \"Sign in with OAuth\" for a connection: discover its authorization server, register Promptmark there, and answer the URL to send the user's browser to. The browser comes back to redirect_uri with code and state, which complete_oauth_sign_in takes.")]
public sealed record StartOAuthSignIn : PrivateInput, ISlice<OAuthSignInStarted>, IValidated
{
    public const string CallbackPath = "/connections/oauth/callback";

    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/mcp/connections/{id}/oauth/start").Needs(AccessScope.Execute).MayAnswer(422, 502)
        .Described("Start an OAuth sign-in (authorization code with PKCE) for the connection; answers the authorization URL");

    [Required, Description("Connection ID")]
    public string Id { get; init; } = "";

    [Required, Description($"Where the authorization server sends the browser back: this web app's {CallbackPath} page, as an absolute URL")]
    public string? RedirectUri { get; init; }

    public void Validate(InputErrors errors) =>
        errors.When(RedirectUri is not null && !IsCallbackPage(RedirectUri), "redirect_uri",
            $"must be an absolute http(s) URL of this app's {CallbackPath} page, without query or fragment");

    private static bool IsCallbackPage(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.UserInfo.Length == 0 && uri.AbsolutePath == CallbackPath && uri.Query.Length == 0 && uri.Fragment.Length == 0;
}

/// <summary>The URL to open in the user's browser; it carries no secret but the PKCE challenge and the state.</summary>
public sealed record OAuthSignInStarted(Uri AuthorizationUrl);

public static class StartOAuthSignInHandler
{
    public static async Task<OAuthSignInStarted> Handle(StartOAuthSignIn command, IDocumentSession session, OAuthSignIns signIns, TimeProvider clock, CancellationToken ct)
    {
        var connection = await session.LoadConnectionAsync(command.Id, ct);
        var url = await signIns.StartAsync(connection, session.CallerId(), command.RedirectUri!, ct);
        connection.UpdatedAt = clock.GetUtcNow();
        session.Store(connection);
        return new OAuthSignInStarted(url);
    }
}
