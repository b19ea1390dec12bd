using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Protocol;
using Promptmark.Api.Features.Connections;
using Promptmark.Api.Features.Connections.Executions;
using Promptmark.Api.Features.Connections.OAuth;
using Promptmark.Api.Features.Connections.Remote;
using Promptmark.Api.Infrastructure.Hosting;
using Promptmark.Api.Infrastructure.Secrets;

namespace Promptmark.ConformanceClient;

/// <summary>
/// Promptmark's Connections client, composed as the app composes it (the pooled sessions, the egress guard, "Sign in with
/// OAuth" with sealed tokens) but over one connection held in memory instead of Marten. It does what a user does with a
/// connection: sign in with OAuth when the server asks for it, list the tools, and run them as Try-it does (a tool's
/// question is answered through <see cref="ToolQuestions"/>, see <see cref="PrefilledCard"/>), signing in again when a
/// call needs more scope.
/// </summary>
public sealed class ConnectionClient(ServiceProvider services, DirectoryInfo dataDirectory) : IAsyncDisposable
{
    // The suite's authorization server redirects at once, to whatever redirect URI the client registered; nothing listens there.
    private const string RedirectUri = "http://localhost:3334/callback";
    // The suite accepts this one URL as a client metadata document's (it fetches none): it stands for the https public
    // origin a deployment of Promptmark serves its document from.
    private static readonly Uri ClientMetadataUrl = new("https://conformance-test.local/client-metadata.json");
    private static readonly Guid UserId = Guid.NewGuid();

    public static ConnectionClient Create()
    {
        var data = Directory.CreateTempSubdirectory("promptmark-conformance-");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // The suite's servers listen on loopback, which the egress guard refuses unless the operator allowlists it.
            ["Promptmark:Connections:AllowedHosts:0"] = "localhost",
            ["Promptmark:Connections:AllowedHosts:1"] = "127.0.0.1",
            [SealingKeys.ActiveKeyIdSetting] = "conformance",
            [$"{SealingKeys.KeysSetting}:conformance"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(SealingKeys.KeyBytes)),
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton<ISecretSealer>(new SecretSealer(SealingKeys.From(configuration, new DataDirectory(data.FullName, NullLogger.Instance))))
            .AddSingleton<ConnectionSecrets>()
            .AddRemoteMcpSessions()
            .AddConnectionOAuth()
            .AddSingleton<ToolQuestions>()
            .AddSingleton(new PromptmarkClientIdentity(ClientMetadataUrl, [RedirectUri], new Uri(ClientMetadataUrl, "/")));
        return new ConnectionClient(services.BuildServiceProvider(), data);
    }

    /// <param name="context">The scenario's context; its <c>client_id</c> and <c>client_secret</c>, when it has them, are
    /// entered as the connection's pre-registered OAuth client, as a user given them would.</param>
    public async Task RunAsync(string scenario, Uri serverUrl, JsonElement? context, CancellationToken ct)
    {
        var connection = new McpConnection { Id = Guid.NewGuid(), Name = scenario, ServerUrl = serverUrl.AbsoluteUri };
        if (context is { } given && given.TryGetProperty("client_id", out var clientId))
            PreRegisteredClient.Apply(connection, UserId, clientId.GetString(),
                given.TryGetProperty("client_secret", out var secret) ? secret.GetString() : null, services.GetRequiredService<ConnectionSecrets>());
        if (scenario.StartsWith("auth/", StringComparison.Ordinal)) await SignInAsync(connection, ct);

        var sessions = services.GetRequiredService<RemoteMcpSessions>();
        var tools = await sessions.ListToolsAsync(Server(connection), ct);
        foreach (var tool in tools.Tools)
        {
            var result = await CallAsync(connection, tool, ct);
            Console.WriteLine($"{tool.Name}: {(result.IsError == true ? "error" : "ok")}");
        }
    }

    /// <summary>
    /// A call, as Try-it's stream runs it; when it fails for want of OAuth scope, the user does what the Connections page then offers (sign in with
    /// OAuth again, for the wider scope the connection now asks for) and calls once more.
    /// </summary>
    private async Task<CallToolResult> CallAsync(McpConnection connection, RemoteTool tool, CancellationToken ct)
    {
        try
        {
            return await RunAsync(connection, tool, ct);
        }
        catch (InsufficientRemoteScopeException failure)
        {
            if (OAuthScopeStepUp.Widen(connection, failure) is not ReauthorizationNeededException) throw;
            await SignInAsync(connection, ct);
            return await RunAsync(connection, tool, ct);
        }
    }

    private Task<CallToolResult> RunAsync(McpConnection connection, RemoteTool tool, CancellationToken ct)
    {
        var call = new PreparedCall(UserId.ToString(), connection, Server(connection), tool.Name, ArgumentsFor(tool));
        var questions = services.GetRequiredService<ToolQuestions>();
        var person = new PrefilledCard(questions, call.TenantId, connection.Id, ct);
        return services.GetRequiredService<RemoteMcpSessions>()
            .CallToolAsync(call.Server, call.ToolName, call.Arguments, progress: null, questions.For(call, person.Submit, ct), ct);
    }

    private RemoteServer Server(McpConnection connection) =>
        ConnectionEndpoints.Of(connection, services.GetRequiredService<ConnectionSecrets>().Open(connection, UserId));

    /// <summary>"Sign in with OAuth": discovery, registration and PKCE, the user's browser played by a GET that stops at the redirect.</summary>
    private async Task SignInAsync(McpConnection connection, CancellationToken ct)
    {
        var signIns = services.GetRequiredService<OAuthSignIns>();
        var authorization = await signIns.StartAsync(connection, UserId, RedirectUri, ct);
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var answer = await browser.GetAsync(authorization, ct);
        if (answer.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther) || answer.Headers.Location is not { } callback)
            throw new InvalidOperationException($"the authorization endpoint answered {(int)answer.StatusCode} instead of redirecting back");
        var parameters = QueryHelpers.ParseQuery(callback.Query);
        var state = OAuthState.TryParse(parameters["state"]) ?? throw new InvalidOperationException("the redirect back carries no state of ours");
        await signIns.CompleteAsync(connection, UserId, state, parameters["code"].ToString(), ct);
    }

    /// <summary>The number 1 for every required argument: the suite's add_numbers takes two numbers, its other tools nothing.</summary>
    private static Dictionary<string, JsonElement> ArgumentsFor(RemoteTool tool) =>
        tool.InputSchema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array
            ? required.EnumerateArray().Select(name => name.GetString()!).ToDictionary(name => name, _ => JsonSerializer.SerializeToElement(1))
            : [];

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        dataDirectory.Delete(recursive: true);
    }
}
