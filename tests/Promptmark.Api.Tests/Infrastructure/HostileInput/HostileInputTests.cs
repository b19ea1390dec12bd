using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using ModelContextProtocol;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Infrastructure.HostileInput;

[CollectionDefinition(nameof(HostileInputTests), DisableParallelization = true)]
public sealed class HostileInputCollection;

/// <summary>
/// Walks the OpenAPI document and the MCP tool catalog with a battery of hostile values, so a new slice is covered
/// without writing anything: no answer is a 5xx (or a JSON-RPC error), every refusal names the field, an invalid
/// input changes nothing, and no expected refusal is logged as an error. Runs alone, so the log it reads is its own.
/// </summary>
[Collection(nameof(HostileInputTests))]
public sealed class HostileInputTests(PromptmarkApp app, ITestOutputHelper output)
{
    private const int Parallel = 4;

    [Fact]
    public async Task every_rest_operation_refuses_hostile_input_with_a_problem_naming_the_field()
    {
        var owned = await OwnedObjects.CreateAsync(app);
        var document = await app.GetAsync(null, "/openapi/v1.json");
        var probes = RestProbes.From(document, owned).ToList();
        using var http = app.Host.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", owned.Owner.Token);
        var logged = app.Logs.Lines.Count;

        var before = await owned.SnapshotAsync(app);
        var invalid = await SendAllAsync(http, probes.Where(p => p.Invalid));
        ChangedLines(before, await owned.SnapshotAsync(app)).ShouldBeEmpty("an invalid input changed the owner's objects");
        var odd = await SendAllAsync(http, probes.Where(p => !p.Invalid));

        var all = invalid.Concat(odd).ToList();
        output.WriteLine($"REST: {probes.Select(p => p.Operation).Distinct().Count()} operations, {all.Count} requests, " +
                         $"{all.Count(r => r.Status >= 500)} responses >= 500, {invalid.Count} invalid inputs refused with 4xx: {invalid.Count(r => r.Status is >= 400 and < 500)}");
        all.Where(r => r.Problem is not null).Select(r => r.Problem).ShouldBeEmpty();
        ErrorLinesSince(logged).ShouldBeEmpty();
    }

    [Fact]
    public async Task every_mcp_tool_answers_hostile_arguments_with_an_error_naming_the_argument()
    {
        var owned = await OwnedObjects.CreateAsync(app);
        var document = await app.GetAsync(null, "/openapi/v1.json");
        var routes = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Id: op.Value.GetProperty("operationId").GetString()!, Path: path.Name)))
            .ToDictionary(o => o.Id, o => o.Path);
        await using var client = await app.McpClientAsync(owned.Owner);
        var tools = await client.ListToolsAsync();
        var probes = McpProbes.From(tools.Select(t => t.ProtocolTool),
            (tool, argument) => routes.TryGetValue(tool, out var path) ? owned.IdFor(path, argument) : null).ToList();
        var logged = app.Logs.Lines.Count;

        var before = await owned.SnapshotAsync(app);
        var invalid = await CallAllAsync(client, probes.Where(p => p.Invalid));
        ChangedLines(before, await owned.SnapshotAsync(app)).ShouldBeEmpty("an invalid argument changed the owner's objects");
        var odd = await CallAllAsync(client, probes.Where(p => !p.Invalid));

        var all = invalid.Concat(odd).ToList();
        output.WriteLine($"MCP: {tools.Count} tools, {all.Count} calls, {all.Count(p => p?.StartsWith("protocol error") == true)} protocol errors");
        all.OfType<string>().ShouldBeEmpty();
        ErrorLinesSince(logged).ShouldBeEmpty();
    }

    private sealed record Outcome(int Status, string? Problem);

    private static async Task<List<Outcome>> SendAllAsync(HttpClient http, IEnumerable<RestProbe> probes)
    {
        var outcomes = new ConcurrentBag<Outcome>();
        // Operations run side by side, each one's probes in turn: two creates of the same name racing is not what is tested here.
        await System.Threading.Tasks.Parallel.ForEachAsync(probes.GroupBy(p => p.Operation), new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (operation, ct) =>
        {
            foreach (var probe in operation) outcomes.Add(await SendAsync(http, probe, ct));
        });
        return outcomes.ToList();
    }

    private static async Task<Outcome> SendAsync(HttpClient http, RestProbe probe, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(probe.Verb, probe.Url);
        if (probe.Body is not null)
            request.Content = new ByteArrayContent(probe.Body) { Headers = { ContentType = MediaTypeHeaderValue.Parse(probe.ContentType!) } };
        using var response = await http.SendAsync(request, ct).WaitAsync(TimeSpan.FromSeconds(60), ct);
        var status = (int)response.StatusCode;
        return new Outcome(status, Judge(probe, status, await response.Content.ReadAsStringAsync(ct), response.Content.Headers.ContentType?.MediaType));
    }

    /// <summary>What is wrong with the answer to <paramref name="probe"/>, or null when it is right.</summary>
    private static string? Judge(RestProbe probe, int status, string body, string? contentType)
    {
        if (status >= 500) return $"{probe}: {status} {body}";
        if (probe.Invalid && status < 400) return $"{probe}: accepted an invalid input with {status}";
        if (status < 400) return null;
        if (contentType != "application/problem+json") return $"{probe}: {status} answered {contentType}, not problem details";
        if (!probe.Invalid || status != 400) return null;
        return NamesField(body, probe.Field) ? null : $"{probe}: the 400 does not name the field: {body}";
    }

    private static bool NamesField(string text, string field) =>
        field == "body" ? text.Contains("\"errors\"") : text.Contains(field, StringComparison.Ordinal);

    private static async Task<List<string?>> CallAllAsync(ModelContextProtocol.Client.McpClient client, IEnumerable<McpProbe> probes)
    {
        var outcomes = new ConcurrentBag<string?>();
        await System.Threading.Tasks.Parallel.ForEachAsync(probes.GroupBy(p => p.ToolName), new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (tool, ct) =>
        {
            foreach (var probe in tool) outcomes.Add(await CallAsync(client, probe, ct));
        });
        return outcomes.ToList();
    }

    private static async Task<string?> CallAsync(ModelContextProtocol.Client.McpClient client, McpProbe probe, CancellationToken ct)
    {
        try
        {
            var result = await client.CallToolAsync(probe.ToolName, probe.Arguments, cancellationToken: ct).AsTask().WaitAsync(TimeSpan.FromSeconds(60), ct);
            var text = McpCalls.Text(result);
            return probe.Invalid && result.IsError != true ? $"{probe}: accepted an invalid argument: {text}"
                : probe.Invalid && !text.Contains(probe.Field, StringComparison.Ordinal) ? $"{probe}: the error does not name the argument: {text}"
                : null;
        }
        catch (McpException e)
        {
            return $"protocol error {probe}: {e.Message}";
        }
    }

    private static string[] ChangedLines(string before, string after) => after.Split('\n').Except(before.Split('\n')).ToArray();

    private string[] ErrorLinesSince(int count) =>
        app.Logs.Lines.Skip(count).Where(l => l.StartsWith("Error ") || l.StartsWith("Critical ")).Select(l => l[..Math.Min(l.Length, 600)]).ToArray();
}
