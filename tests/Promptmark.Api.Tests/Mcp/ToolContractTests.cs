using System.Text.Json;
using Promptmark.Api.Features.McpPrompts;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Mcp;

/// <summary>
/// The live tools/list must match docs/reference/mcp-tools.json for every tool implemented so far. The user's own prompt
/// tools (marked by their prompt's id in <c>_meta</c>) are extra, outside the contract.
/// </summary>
public sealed class ToolContractTests(PromptmarkApp app)
{
    [Fact]
    public async Task every_implemented_tool_matches_the_reference_contract()
    {
        var reference = ToolContractReference.Tools().ToDictionary(t => t.Name);
        var user = await app.NewUserAsync();
        var exposed = (await app.CreatePromptAsync(user, new { title = "Contract outsider", prompt = "Hello {{name}}" })).Id();
        await app.PatchAsync(user, $"/api/prompts/{exposed}", new { expose_as_tool = true });
        await using var client = await app.McpClientAsync(user);
        var listed = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var promptTools = listed.Where(t => t.ProtocolTool.Meta?[PromptToolList.PromptIdMeta] is not null).ToList();
        promptTools.Select(t => t.Name).ShouldBe(["contract_outsider"]);
        var tools = listed.Except(promptTools).ToList();

        var problems = new List<string>();
        foreach (var tool in tools)
        {
            if (!reference.TryGetValue(tool.Name, out var expected))
            {
                problems.Add($"{tool.Name}: not in the reference");
                continue;
            }
            if (!(tool.Description ?? "").StartsWith(expected.Description, StringComparison.Ordinal))
                problems.Add($"{tool.Name}: description '{tool.Description}' does not start with '{expected.Description}'");
            CompareParameters(tool.Name, expected.Parameters, tool.JsonSchema, problems);
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"{tools.Count} of {reference.Count} reference tools implemented.");
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void all_thirteen_prompt_tools_are_implemented() => MissingToolsOf("Prompts").ShouldBeEmpty();

    [Fact]
    public void all_ten_connection_tools_are_implemented() => MissingToolsOf("MCP Connections").ShouldBeEmpty();

    [Fact]
    public void all_thirteen_playbook_tools_are_implemented() => MissingToolsOf("Playbooks").ShouldBeEmpty();

    private static List<string> MissingToolsOf(string category)
    {
        var implemented = SliceCatalog.Instance.Tools.Select(t => t.Binding.Tool).ToHashSet();
        var expected = ToolContractReference.Tools().Where(t => t.Category == category).Select(t => t.Name).ToList();
        expected.ShouldNotBeEmpty();
        return expected.Where(n => !implemented.Contains(n)).ToList();
    }

    private static void CompareParameters(string where, IReadOnlyList<ReferenceParameter> expected, JsonElement schema, List<string> problems)
    {
        var properties = schema.GetProperty("properties");
        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet() : [];
        var actualNames = properties.EnumerateObject().Select(p => p.Name).ToList();
        if (!actualNames.ToHashSet().SetEquals(expected.Select(p => p.Name)))
            problems.Add($"{where}: parameters [{string.Join(", ", actualNames)}] differ from [{string.Join(", ", expected.Select(p => p.Name))}]");
        foreach (var parameter in expected)
        {
            if (!properties.TryGetProperty(parameter.Name, out var actual)) continue;
            var name = $"{where}.{parameter.Name}";
            if (actual.GetProperty("type").GetString() != parameter.Type) problems.Add($"{name}: type {actual.GetProperty("type")} != {parameter.Type}");
            if (required.Contains(parameter.Name) != parameter.Required) problems.Add($"{name}: required {!parameter.Required} != {parameter.Required}");
            if (actual.TryGetProperty("description", out var d) ? d.GetString() != parameter.Description : true)
                problems.Add($"{name}: description differs from '{parameter.Description}'");
            if (parameter.Items is { } items) CompareParameters(name + "[]", items, actual.GetProperty("items"), problems);
        }
    }
}
