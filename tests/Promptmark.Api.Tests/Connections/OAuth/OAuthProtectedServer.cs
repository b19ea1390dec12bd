using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Promptmark.Api.Tests.Connections.OAuth;

/// <summary>
/// An MCP server (the SDK's) on 127.0.0.1 that takes only bearer tokens from its own small authorization server on
/// the same port: RFC 9728 resource metadata named in the 401 challenge, RFC 8414 metadata, RFC 7591 registration,
/// or, when <see cref="ClientMetadataDocuments"/> is set, a URL client_id whose metadata document it fetches and checks,
/// an authorize endpoint that approves at once (as a user clicking "Allow" would) the scope asked for, with PKCE S256 checked at the token
/// endpoint, and refresh tokens that rotate. Tokens start with canaries, so a test can look for them where they must
/// not be.
/// </summary>
public sealed class OAuthProtectedServer : IAsyncDisposable
{
    public readonly string AccessCanary = $"CANARYAT{Guid.NewGuid():N}";
    public readonly string RefreshCanary = $"CANARYRT{Guid.NewGuid():N}";

    private readonly ConcurrentDictionary<string, string> clients = new();
    private readonly ConcurrentDictionary<string, Authorization> codes = new();
    // Each token with the scope it grants.
    private readonly ConcurrentDictionary<string, string> accessTokens = new();
    private readonly ConcurrentDictionary<string, string> refreshTokens = new();
    private WebApplication app = null!;
    private int issued;
    private int registrations;
    private int refreshes;

    private sealed record Authorization(string ClientId, string RedirectUri, string Challenge, string Resource, string Scope);

    public Uri Base { get; private set; } = null!;

    public Uri McpUrl => new(Base, "/mcp");

    public string Issuer => new Uri(Base, "/as").AbsoluteUri;

    /// <summary>The <c>expires_in</c> of the access tokens it issues.</summary>
    public TimeSpan AccessLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The authorization server the resource metadata names; its own by default.</summary>
    public string? NamedAuthorizationServer { get; set; }

    /// <summary>When set, the user declines at the authorize endpoint.</summary>
    public bool Declines { get; set; }

    /// <summary>
    /// When set, tools/call needs a token granting this scope too, and is answered 403 <c>insufficient_scope</c> naming the
    /// scope it needs (<c>mcp</c> and this) otherwise.
    /// </summary>
    public string? ToolCallScope { get; set; }

    /// <summary>
    /// When set, the authorization server offers no dynamic registration and knows only this client (any redirect URI),
    /// which must authenticate at the token endpoint with its secret in a Basic header.
    /// </summary>
    public (string Id, string Secret)? PreRegistered { get; set; }

    /// <summary>How a client finds the authorization server: as the 2025-11-25 spec says, or only as the 2025-03-26 one did.</summary>
    public OAuthDiscoveryStyle Discovery { get; set; } = OAuthDiscoveryStyle.ResourceMetadata;

    /// <summary>The scope parameter of each authorization request, in order.</summary>
    public ConcurrentQueue<string> RequestedScopes { get; } = new();

    /// <summary>
    /// When set, the metadata says <c>client_id_metadata_document_supported</c>, and a client_id that is a URL is looked
    /// up through this (standing in for fetching it) and accepted when the document names itself and the redirect URI.
    /// </summary>
    public Func<Uri, Task<System.Text.Json.JsonElement>>? ClientMetadataDocuments { get; set; }

    public int Registrations => Volatile.Read(ref registrations);

    public int Refreshes => Volatile.Read(ref refreshes);

    /// <summary>The bearer tokens the MCP endpoint accepted, in order.</summary>
    public ConcurrentQueue<string> AcceptedTokens { get; } = new();

    public string LastIssuedAccessToken { get; private set; } = "";

    /// <summary>Every refresh token stops working, as when the user revokes the grant.</summary>
    public void RevokeRefreshTokens() => refreshTokens.Clear();

    public static async Task<OAuthProtectedServer> StartAsync()
    {
        var server = new OAuthProtectedServer();
        await server.StartOnLoopbackAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task StartOnLoopbackAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddMcpServer(mcp => mcp.ServerInfo = new Implementation { Name = "oauth-test-server", Version = "1.0.0" })
            .WithHttpTransport(http => http.Stateless = true)
            .WithTools([McpServerTool.Create((string text) => text, new McpServerToolCreateOptions { Name = "echo", Description = "Says the text back." })]);
        app = builder.Build();
        app.Use(RequireBearerOnMcpAsync);
        app.MapMcp("/mcp");
        app.MapGet("/.well-known/oauth-protected-resource/mcp", () => Discovery != OAuthDiscoveryStyle.ResourceMetadata ? Results.NotFound() : Results.Json(new Dictionary<string, object>
        {
            ["resource"] = McpUrl.AbsoluteUri, ["authorization_servers"] = new[] { NamedAuthorizationServer ?? Issuer }, ["scopes_supported"] = new[] { "mcp" },
        }));
        app.MapGet("/.well-known/oauth-authorization-server", () => Discovery == OAuthDiscoveryStyle.OriginMetadata ? ServerMetadata() : Results.NotFound());
        app.MapGet("/.well-known/oauth-authorization-server/as", ServerMetadata);
        app.MapPost("/as/register", RegisterAsync);
        app.MapGet("/as/authorize", AuthorizeAsync);
        app.MapPost("/as/token", TokenAsync);
        // The 2025-03-26 default endpoints, which a client guesses when there is no metadata at all.
        app.MapPost("/register", RegisterAsync);
        app.MapGet("/authorize", AuthorizeAsync);
        app.MapPost("/token", TokenAsync);
        await app.StartAsync();
        Base = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
    }

    private IResult ServerMetadata() => Results.Json(new Dictionary<string, object?>
        {
            ["issuer"] = Issuer, ["authorization_endpoint"] = $"{Issuer}/authorize", ["token_endpoint"] = $"{Issuer}/token",
            ["registration_endpoint"] = PreRegistered is null ? $"{Issuer}/register" : null, ["code_challenge_methods_supported"] = new[] { "S256" },
            ["token_endpoint_auth_methods_supported"] = PreRegistered is null ? new[] { "none" } : new[] { "client_secret_basic" },
            ["response_types_supported"] = new[] { "code" }, ["grant_types_supported"] = new[] { "authorization_code", "refresh_token" },
            ["client_id_metadata_document_supported"] = ClientMetadataDocuments is not null,
        });

    private async Task RequireBearerOnMcpAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments("/mcp"))
        {
            var token = context.Request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer ") ? header["Bearer ".Length..] : "";
            var metadata = new Uri(Base, "/.well-known/oauth-protected-resource/mcp");
            if (!accessTokens.TryGetValue(token, out var granted))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = Discovery == OAuthDiscoveryStyle.ResourceMetadata
                    ? $"Bearer resource_metadata=\"{metadata}\", scope=\"mcp\""
                    : "Bearer";
                return;
            }
            if (ToolCallScope is { } needed && !granted.Split(' ').Contains(needed) && await IsToolCallAsync(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.Headers.WWWAuthenticate =
                    $"Bearer error=\"insufficient_scope\", scope=\"mcp {needed}\", resource_metadata=\"{metadata}\"";
                return;
            }
            AcceptedTokens.Enqueue(token);
        }
        await next(context);
    }

    private static async Task<bool> IsToolCallAsync(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method)) return false;
        request.EnableBuffering();
        using var body = await System.Text.Json.JsonDocument.ParseAsync(request.Body);
        request.Body.Position = 0;
        return body.RootElement.TryGetProperty("method", out var method) && method.GetString() == "tools/call";
    }

    private async Task<IResult> RegisterAsync(HttpRequest request)
    {
        var body = await request.ReadFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>();
        var redirect = body!["redirect_uris"].EnumerateArray().Single().GetString()!;
        var clientId = $"client-{Guid.NewGuid():N}";
        clients[clientId] = redirect;
        Interlocked.Increment(ref registrations);
        return Results.Json(new { client_id = clientId, redirect_uris = new[] { redirect }, token_endpoint_auth_method = "none" }, statusCode: 201);
    }

    private async Task<IResult> AuthorizeAsync(HttpRequest request)
    {
        string Q(string name) => request.Query[name].ToString();
        if (PreRegistered?.Id == Q("client_id")) clients[Q("client_id")] = Q("redirect_uri");
        if (ClientMetadataDocuments is { } documents && Uri.TryCreate(Q("client_id"), UriKind.Absolute, out var documentUrl))
        {
            var document = await documents(documentUrl);
            if (document.GetProperty("client_id").GetString() == documentUrl.AbsoluteUri
                && document.GetProperty("redirect_uris").EnumerateArray().Any(uri => uri.GetString() == Q("redirect_uri")))
                clients[documentUrl.AbsoluteUri] = Q("redirect_uri");
        }
        if (!clients.TryGetValue(Q("client_id"), out var redirect) || redirect != Q("redirect_uri"))
            return Results.BadRequest("unknown client or redirect_uri");
        if (Q("response_type") != "code" || Q("code_challenge_method") != "S256" || Q("code_challenge").Length == 0 || Q("resource") != McpUrl.AbsoluteUri)
            return Results.Redirect(QueryHelpers.AddQueryString(redirect, new Dictionary<string, string?> { ["error"] = "invalid_request", ["state"] = Q("state") }));
        if (Declines)
            return Results.Redirect(QueryHelpers.AddQueryString(redirect, new Dictionary<string, string?> { ["error"] = "access_denied", ["state"] = Q("state") }));
        var code = $"code-{Guid.NewGuid():N}";
        RequestedScopes.Enqueue(Q("scope"));
        codes[code] = new Authorization(Q("client_id"), redirect, Q("code_challenge"), Q("resource"), Q("scope"));
        return Results.Redirect(QueryHelpers.AddQueryString(redirect, new Dictionary<string, string?> { ["code"] = code, ["state"] = Q("state") }));
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        string F(string name) => form[name].ToString();
        var refused = Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        if (PreRegistered is { } client && request.Headers.Authorization.ToString()
                != $"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client.Id}:{client.Secret}"))}")
            return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        switch (F("grant_type"))
        {
            case "authorization_code":
                if (!codes.TryRemove(F("code"), out var authorization) || authorization.ClientId != F("client_id")
                    || authorization.RedirectUri != F("redirect_uri") || authorization.Resource != F("resource")
                    || Challenge(F("code_verifier")) != authorization.Challenge)
                    return refused;
                return Issue(authorization.Scope);
            case "refresh_token":
                if (!refreshTokens.TryRemove(F("refresh_token"), out var scope) || !clients.ContainsKey(F("client_id"))) return refused;
                Interlocked.Increment(ref refreshes);
                return Issue(scope);
            default:
                return Results.Json(new { error = "unsupported_grant_type" }, statusCode: 400);
        }
    }

    private IResult Issue(string scope)
    {
        var n = Interlocked.Increment(ref issued);
        var access = $"{AccessCanary}-{n}";
        var refresh = $"{RefreshCanary}-{n}";
        accessTokens[access] = scope;
        refreshTokens[refresh] = scope;
        LastIssuedAccessToken = access;
        return Results.Json(new { access_token = access, token_type = "Bearer", expires_in = (int)AccessLifetime.TotalSeconds, refresh_token = refresh });
    }

    private static string Challenge(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public enum OAuthDiscoveryStyle
{
    /// <summary>RFC 9728 resource metadata named in the 401 challenge, naming the authorization server (2025-11-25).</summary>
    ResourceMetadata,

    /// <summary>No resource metadata; the authorization server's metadata at the MCP server's origin (2025-03-26).</summary>
    OriginMetadata,

    /// <summary>No metadata at all: only the default endpoints at the origin (2025-03-26).</summary>
    DefaultEndpoints,
}
