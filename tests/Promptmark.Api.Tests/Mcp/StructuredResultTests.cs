using System.Text.Json;
using Json.Schema;
using ModelContextProtocol.Protocol;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Tests.Isolation;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Mcp;

/// <summary>
/// Through a real client, every tool declares an output schema, and a successful call of every tool carries a
/// structured result that validates against it, beside the same JSON as text for clients that read only text.
/// </summary>
public sealed class StructuredResultTests(PromptmarkApp app, EverythingFixture everything, ModelServerFixture models)
    : IClassFixture<EverythingFixture>, IClassFixture<ModelServerFixture>
{
    /// <summary>Tools whose success this test cannot bring about with the owner's world, each with the reason.</summary>
    private static readonly Dictionary<string, string> Unreached = new()
    {
        ["acknowledge_scan"] = "the owner's prompt has no open findings to acknowledge",
        ["send_message"] = "the owner's conversation is linked to a template with a required variable, which a conversation cannot fill",
    };

    [Fact]
    public async Task every_tool_declares_an_object_output_schema()
    {
        var user = await app.NewUserAsync();
        await using var client = await app.McpClientAsync(user);
        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);

        tools.Count.ShouldBe(SliceCatalog.Instance.Tools.Count());
        tools.Where(t => t.ProtocolTool.OutputSchema is not { } schema || schema.GetProperty("type").GetString() != "object")
            .Select(t => t.Name).ShouldBeEmpty();
        // Valid JSON Schema, but the TypeScript SDK (and so most clients) refuses a property whose schema is a boolean.
        tools.Where(t => HasBooleanPropertySchema(t.ProtocolTool.OutputSchema!.Value)).Select(t => t.Name).ShouldBeEmpty();
    }

    private static bool HasBooleanPropertySchema(JsonElement schema) => schema.ValueKind switch
    {
        JsonValueKind.Object => schema.EnumerateObject().Any(p =>
            p.Name == "properties" && p.Value.ValueKind == JsonValueKind.Object && p.Value.EnumerateObject().Any(q => q.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            || HasBooleanPropertySchema(p.Value)),
        JsonValueKind.Array => schema.EnumerateArray().Any(HasBooleanPropertySchema),
        _ => false,
    };

    [Fact]
    public async Task every_tools_structured_result_validates_against_its_output_schema()
    {
        var owner = await TenantWorld.CreateAsync(app, everything.Server.Endpoint, models.Server.BaseUrl);
        await using var client = await app.McpClientAsync(owner.User);
        var schemas = (await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken))
            .ToDictionary(t => t.Name, t => JsonSchema.FromText(t.ProtocolTool.OutputSchema!.Value.GetRawText()));
        var problems = new List<string>();

        // The owner calls each tool on its own objects with every input the table can fill. Deletes go last, the most
        // specific route first, so that every other tool still finds what it addresses.
        var tools = SliceCatalog.Instance.Tools.Where(s => !Unreached.ContainsKey(s.Binding.Tool!))
            .OrderBy(s => s.Binding.Verb == "DELETE").ThenByDescending(s => s.Binding.Route.Length);
        foreach (var slice in tools)
        {
            var result = await client.CallAsync(slice.Binding.Tool!, Doors.ToolArguments(SliceInputs.OwnersCall(slice, owner)));
            problems.AddRange(Judge(slice, result, schemas[slice.Binding.Tool!]));
        }

        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Fact]
    public async Task a_failed_call_is_an_error_text_without_a_structured_result()
    {
        var user = await app.NewUserAsync();
        await using var client = await app.McpClientAsync(user);

        var result = await client.CallAsync("get_prompt", new { id = Guid.NewGuid() });

        result.IsError.ShouldBe(true);
        result.StructuredContent.ShouldBeNull();
        McpCalls.Text(result).ShouldContain("not found");
    }

    private static IEnumerable<string> Judge(SliceDescriptor slice, CallToolResult result, JsonSchema schema)
    {
        var tool = slice.Binding.Tool!;
        if (result.IsError == true)
        {
            yield return $"{tool}: failed, so its result could not be checked: {McpCalls.Text(result)}";
            yield break;
        }
        if (result.StructuredContent is not { } structured)
        {
            yield return $"{tool}: no structuredContent";
            yield break;
        }
        var evaluation = schema.Evaluate(structured, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!evaluation.IsValid)
            yield return $"{tool}: structuredContent does not fit its output schema: " +
                string.Join("; ", (evaluation.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                    .Select(d => $"{d.InstanceLocation} {string.Join(", ", d.Errors!.Values)}"));
        if (slice.Binding.McpText is null && !JsonElement.DeepEquals(JsonDocument.Parse(McpCalls.Text(result)).RootElement, structured))
            yield return $"{tool}: the text block is not the structured result as JSON";
    }
}
