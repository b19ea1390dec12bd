using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using Npgsql;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.ScaleOut;

/// <summary>
/// Two Promptmark processes on one database of the test cluster, sharing a data directory (so the same generated keys),
/// with <c>Promptmark:SharedDatabase</c> set, behind a <see cref="RoundRobinProxy"/>: the deployment the README describes.
/// Started by the first test that needs it, stopped with the test class.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    private readonly SemaphoreSlim _starting = new(1, 1);
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("promptmark-scaleout-").FullName;
    private readonly List<InstanceProcess> _instances = [];
    private RoundRobinProxy? _proxy;

    public RoundRobinProxy Proxy => _proxy!;
    public IReadOnlyList<Uri> Instances => _instances.Select(i => i.BaseAddress).ToList();

    public async Task EnsureStartedAsync(string clusterConnectionString)
    {
        await _starting.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_proxy is not null) return;
            var database = await CreateDatabaseAsync(clusterConnectionString);
            var settings = new Dictionary<string, string>
            {
                ["ConnectionStrings:Promptmark"] = database,
                ["Promptmark:DataDirectory"] = _dataDirectory,
                ["Promptmark:SharedDatabase"] = "true",
            };
            // One after the other: the first creates the schema and the keys, the second finds them.
            for (var i = 0; i < 2; i++)
                _instances.Add(await InstanceProcess.StartAsync(settings, TestContext.Current.CancellationToken));
            _proxy = await RoundRobinProxy.StartAsync(Instances);
        }
        finally
        {
            _starting.Release();
        }
    }

    /// <summary>Registers a user through the proxy and returns their bearer token.</summary>
    public async Task<string> NewUserTokenAsync()
    {
        using var http = new HttpClient { BaseAddress = Proxy.BaseAddress };
        var credentials = new { email = $"user-{Guid.NewGuid():N}@example.com", password = "correct horse battery" };
        (await http.PostAsJsonAsync("/api/auth/register", credentials, Ct)).EnsureSuccessStatusCode();
        var login = await (await http.PostAsJsonAsync("/api/auth/login", credentials, Ct)).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        return login.GetProperty("token").GetString()!;
    }

    /// <summary>A client sending <paramref name="token"/> to <paramref name="baseAddress"/> (the proxy or one instance).</summary>
    public static HttpClient Client(Uri baseAddress, string token)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>The real MCP client, speaking Streamable HTTP to <c>/mcp</c> through the proxy.</summary>
    public async Task<McpClient> McpClientAsync(string token)
    {
        var http = Client(Proxy.BaseAddress, token);
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(Proxy.BaseAddress, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
        }, http, NullLoggerFactory.Instance, ownsHttpClient: true);
        return await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = "2025-11-25" }, cancellationToken: Ct).Bounded();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> CreateDatabaseAsync(string clusterConnectionString)
    {
        var name = $"promptmark_scaleout_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(clusterConnectionString))
        {
            await connection.OpenAsync(Ct);
            await using var create = new NpgsqlCommand($"create database {name}", connection);
            await create.ExecuteNonQueryAsync(Ct);
        }
        return new NpgsqlConnectionStringBuilder(clusterConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_proxy is not null) await _proxy.DisposeAsync();
        foreach (var instance in _instances) await instance.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
