using System.Net.Http.Headers;
using System.Text.Json;
using Alba;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using Promptmark.Api.Infrastructure.Database;

[assembly: AssemblyFixture(typeof(Promptmark.Api.Tests.Support.PromptmarkApp))]

namespace Promptmark.Api.Tests.Support;

/// <summary>
/// The whole application for the test run: a private PostgreSQL cluster started the same way Promptmark starts its
/// own, and the real ASP.NET Core pipeline hosted by Alba on it. Tests isolate themselves by registering fresh users, each
/// from a client address of its own.
/// </summary>
public sealed class PromptmarkApp : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("promptmark-tests-").FullName;
    private EmbeddedPostgres? _database;

    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>A stand-in for the built web app, served at <c>/</c> (see SpaHostingTests).</summary>
    public const string SpaIndexHtml = "<!doctype html><title>Promptmark test SPA</title><div id=\"root\"></div>";

    public string WebRoot => Path.Combine(_root, "web");

    /// <summary>Every log line the application wrote, for tests that prove a secret never reaches the log.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>The test cluster, for tests that look at what is stored.</summary>
    public string DatabaseConnectionString => _database!.ConnectionString;


    public async ValueTask InitializeAsync()
    {
        // Temp folders are created 0700; the cluster may run as the postgres user, which must pass through.
        File.SetUnixFileMode(_root, (UnixFileMode)0b111_001_001);
        _database = await EmbeddedPostgres.StartAsync(
            new EmbeddedPostgresOptions { DataDirectory = Path.Combine(_root, "postgres"), Durable = false }, NullLogger.Instance);
        JasperFxEnvironment.AutoStartHost = true;
        Directory.CreateDirectory(WebRoot);
        File.WriteAllText(Path.Combine(WebRoot, "index.html"), SpaIndexHtml);
        Host = await AlbaHost.For<Program>(web => web
            .UseSetting("ConnectionStrings:Promptmark", _database.ConnectionString)
            .UseSetting("Promptmark:DataDirectory", Path.Combine(_root, "data"))
            .UseSetting("Promptmark:Web:Root", WebRoot)
            // Test MCP servers run on 127.0.0.1; other loopback addresses stay refused.
            .UseSetting("Promptmark:Connections:AllowedHosts:0", "127.0.0.1")
            // Promptmark's own https origin: its OAuth client metadata document is https://localhost/oauth/client-metadata.json.
            .UseSetting("Promptmark:PublicOrigin", "https://localhost")
            // A user who names no PostHog host gets this one: loopback, so that no test can send analytics beyond it.
            .UseSetting("Promptmark:PostHog:DefaultHost", "http://127.0.0.1:9")
            // One priced model for the provider tests, which name their fake OpenAI-compatible server "priced".
            .UseSetting("Promptmark:Models:Prices:priced/test-model:InputPerMillion", "2")
            .UseSetting("Promptmark:Models:Prices:priced/test-model:OutputPerMillion", "8")
            .UseSetting("Promptmark:Models:Prices:openai/model-a:InputPerMillion", "2")
            .UseSetting("Promptmark:Models:Prices:openai/model-a:OutputPerMillion", "8")
            // Low, so that the tool loop's limits are reached in few calls and seconds.
            .UseSetting("Promptmark:Conversations:MaxToolIterations", "3")
            .UseSetting("Promptmark:Conversations:ToolCallTimeoutSeconds", "10")
            // civic:rest-auth: a short wait, polled often, and two authorizations in a row at most.
            .UseSetting("Promptmark:Conversations:AuthorizationPollMilliseconds", "50")
            .UseSetting("Promptmark:Conversations:AuthorizationTimeoutSeconds", "15")
            .UseSetting("Promptmark:Conversations:MaxChainedAuthorizations", "2")
            // MCP elicitation: a wait longer than the tool timeout, to show the tool's clock stops while the user is asked.
            .UseSetting("Promptmark:Conversations:ElicitationTimeoutSeconds", "15")
            .ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs)));
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public async Task<TestUser> NewUserAsync()
    {
        var email = $"user-{Guid.NewGuid():N}@example.com";
        const string password = "correct horse battery";
        // A client address of its own, so that other tests' registrations and failed sign-ins never count against this one.
        var address = ClientAddresses.New();
        var registered = await Api.SendAsync(Host, null, HttpMethod.Post, "/api/auth/register", new { email, password }, 201, address);
        var login = await Api.SendAsync(Host, null, HttpMethod.Post, "/api/auth/login", new { email, password }, 200, address);
        return new TestUser(registered.GetProperty("id").GetGuid(), email, password, login.GetProperty("token").GetString()!);
    }

    /// <summary>A real MCP client (the C# SDK) speaking Streamable HTTP to the test server as <paramref name="user"/>.</summary>
    public async Task<McpClient> McpClientAsync(TestUser user)
    {
        var http = Host.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(http.BaseAddress!, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
        }, http, NullLoggerFactory.Instance, ownsHttpClient: true);
        return await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = "2025-11-25" }, cancellationToken: TestContext.Current.CancellationToken).Bounded();
    }
}

public sealed record TestUser(Guid Id, string Email, string Password, string Token);
