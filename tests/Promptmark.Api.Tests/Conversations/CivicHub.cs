using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Promptmark.Api.Tests.Conversations;

/// <summary>
/// A stand-in for Civic's hub on 127.0.0.1: an MCP server (the C# SDK's) behind a bearer token whose tools reach
/// "services" the user must authorize first, answered the way the hub answers a client that declared
/// <c>civic:rest-auth</c>: a polling endpoint and a job id as embedded resources. The polling endpoint gives the
/// authorization URL (GET) and whether the user is done (HEAD: 202, then 200 or 422); <c>continue_job</c> resumes the
/// job, which may ask for the next service's authorization. Stateful, as the hub is: it reads the client's capabilities
/// from the session's initialize. The test plays the user with <see cref="Approve"/> and <see cref="Refuse"/>.
/// </summary>
public sealed class CivicHub : IAsyncDisposable
{
    public const string Token = "civic-hub-token-7f3a";

    private readonly ConcurrentDictionary<string, Job> _jobs = new();
    private readonly ConcurrentQueue<string> _continued = new();
    private int _nextJob;
    private WebApplication _app = null!;

    /// <summary>Where the user is sent to authorize; never requested by anyone in the tests.</summary>
    public string AuthorizationUrlBase { get; set; } = "https://app.civic.com/authorize/";

    public Uri Url => new($"http://127.0.0.1:{Port}/mcp");

    /// <summary>The jobs continue_job was called with, in order.</summary>
    public IReadOnlyCollection<string> Continued => _continued;


    private int Port => new Uri(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single()).Port;

    public static async Task<CivicHub> StartAsync()
    {
        var hub = new CivicHub();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddMcpServer(o => o.ServerInfo = new Implementation { Name = "civic-hub-stand-in", Version = "1.0" })
            .WithHttpTransport(o => o.Stateless = false).WithTools(hub.Tools());
        hub._app = builder.Build();
        hub._app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization != $"Bearer {Token}") context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            else await next(context);
        });
        hub._app.MapMcp("/mcp");
        hub._app.MapMethods("/auth/{job}", ["GET", "HEAD"], hub.Poll);
        await hub._app.StartAsync();
        return hub;
    }

    /// <summary>The user completes the authorization of <paramref name="jobId"/>.</summary>
    public void Approve(string jobId) => _jobs[jobId].State = "approved";

    public void Refuse(string jobId) => _jobs[jobId].State = "refused";

    /// <summary>The job an authorization URL of this hub names.</summary>
    public static string JobOf(string authorizationUrl) => authorizationUrl[(authorizationUrl.LastIndexOf('/') + 1)..];

    private IEnumerable<McpServerTool> Tools() =>
    [
        McpServerTool.Create((string query, McpServer server) => Start(server, ["google"], $"3 messages match {query}"),
            new McpServerToolCreateOptions { Name = "gmail-search", Description = "Search the user's Gmail" }),
        McpServerTool.Create((string file, McpServer server) => Start(server, ["google", "dropbox"], $"{file} copied from Drive to Dropbox"),
            new McpServerToolCreateOptions { Name = "drive-to-dropbox", Description = "Copy a Drive file to Dropbox" }),
        McpServerTool.Create((McpServer server) => Start(server, Enumerable.Range(1, 20).Select(n => $"service-{n}").ToList(), "never reached"),
            new McpServerToolCreateOptions { Name = "everything-at-once", Description = "Reach twenty services" }),
        McpServerTool.Create((JsonElement @params) => Continue(@params.GetProperty("jobId").GetString()!),
            new McpServerToolCreateOptions { Name = "continue_job", Description = "Resume a job after the user authorized it" }),
    ];

    private CallToolResult Start(McpServer server, IReadOnlyList<string> services, string result)
    {
        var job = NewJob(services, result);
        // A client that does not run the flow gets the link as text, for its model to pass on.
        return server.ClientCapabilities?.Experimental?.ContainsKey("civic:rest-auth") == true
            ? AuthorizationRequired(job)
            : new CallToolResult { Content = [new TextContentBlock { Text = $"Authorize {job.Services[0]} at {AuthorizationUrlBase}{job.Id}" }] };
    }

    private CallToolResult Continue(string jobId)
    {
        _continued.Enqueue(jobId);
        if (!_jobs.TryGetValue(jobId, out var job) || job.State != "approved")
            return new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = $"job {jobId} is not authorized" }] };
        return job.Services.Count > 1
            ? AuthorizationRequired(NewJob(job.Services.Skip(1).ToList(), job.Result))
            : new CallToolResult { Content = [new TextContentBlock { Text = job.Result }] };
    }

    private Job NewJob(IReadOnlyList<string> services, string result)
    {
        var job = new Job($"job-{Interlocked.Increment(ref _nextJob)}", services, result);
        _jobs[job.Id] = job;
        return job;
    }

    private CallToolResult AuthorizationRequired(Job job) => new()
    {
        Content =
        [
            new TextContentBlock { Text = $"Authorization for {job.Services[0]} is required." },
            Resource("auth_polling_endpoint", $"http://127.0.0.1:{Port}/auth/{job.Id}"),
            Resource("continue_job_id", job.Id),
        ],
    };

    private static EmbeddedResourceBlock Resource(string name, string text) => new()
    {
        Resource = new TextResourceContents { Uri = $"civic://rest-auth/{name}", MimeType = "text/plain", Text = text, Meta = new JsonObject { ["name"] = name } },
    };

    private IResult Poll(HttpContext context, string job)
    {
        if (!_jobs.TryGetValue(job, out var found)) return Results.NotFound();
        if (HttpMethods.IsGet(context.Request.Method)) return Results.Json(new { authUrl = AuthorizationUrlBase + job });
        return found.State switch
        {
            "approved" => Results.Ok(),
            "refused" => Results.UnprocessableEntity(),
            _ => Results.Accepted(),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record Job(string Id, IReadOnlyList<string> Services, string Result)
    {
        public volatile string State = "pending";
    }
}
