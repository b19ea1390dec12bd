using System.Text.Json;
using Promptmark.ConformanceClient;

// The MCP conformance suite runs `<command> <server url>` with the scenario's name in MCP_CONFORMANCE_SCENARIO.
if (args.Length != 1 || !Uri.TryCreate(args[0], UriKind.Absolute, out var serverUrl))
{
    Console.Error.WriteLine("usage: Promptmark.ConformanceClient <server url>");
    return 2;
}
var scenario = Environment.GetEnvironmentVariable("MCP_CONFORMANCE_SCENARIO") ?? "";
// What a scenario tells the user beforehand, such as the OAuth client registered for them (a JSON object).
var context = Environment.GetEnvironmentVariable("MCP_CONFORMANCE_CONTEXT") is { } json ? JsonDocument.Parse(json).RootElement : (JsonElement?)null;
await using var client = ConnectionClient.Create();
try
{
    await client.RunAsync(scenario, serverUrl, context, new CancellationTokenSource(TimeSpan.FromSeconds(25)).Token);
    return 0;
}
catch (Exception failure)
{
    Console.Error.WriteLine($"{scenario}: {failure.GetType().Name}: {failure.Message}");
    return 1;
}
