using System.Text.Json.Nodes;
using Promptmark.Api.Tests.Engines.Playbooks;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Playbooks;

/// <summary>validate_playbook answers the spec's ParseResult, the same through REST and MCP.</summary>
public sealed class ValidatePlaybookTests(PromptmarkApp app)
{
    [Theory]
    [InlineData("basic/full-featured")]
    [InlineData("invalid/gap-in-step-numbers")]
    [InlineData("invalid/missing-title")]
    public async Task both_doors_answer_what_the_vector_expects(string vector)
    {
        var user = await app.NewUserAsync();
        await using var mcp = await app.McpClientAsync(user);
        var expected = JsonNode.Parse(PlaybookVectors.Expected(vector));
        var content = PlaybookVectors.Document(vector);

        var rest = await app.PostAsync(user, "/api/playbooks/validate", new { content });
        var tool = await mcp.CallJsonAsync("validate_playbook", new { content });

        VectorComparison.Differences(expected, JsonNode.Parse(rest.GetRawText())).ShouldBeEmpty();
        VectorComparison.Differences(expected, JsonNode.Parse(tool.GetRawText())).ShouldBeEmpty();
        tool.GetProperty("valid").GetBoolean().ShouldBe(rest.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task every_diagnostic_carries_its_line_and_column()
    {
        var user = await app.NewUserAsync();

        var result = await app.PostAsync(user, "/api/playbooks/validate", new { content = "# T\n\n## STEP 2: Late\n\n@elicit(shout, \"hey\")\n" });

        result.GetProperty("valid").GetBoolean().ShouldBeTrue();
        var warnings = result.GetProperty("warnings").EnumerateArray().Select(w => (w.GetProperty("line").GetInt32(), w.GetProperty("column").GetInt32())).ToList();
        warnings.ShouldBe([(3, 1), (5, 1)]);
    }

    [Fact]
    public async Task content_is_required_at_both_doors()
    {
        var user = await app.NewUserAsync();
        await using var mcp = await app.McpClientAsync(user);

        await app.PostAsync(user, "/api/playbooks/validate", new { }, expect: 400);
        (await mcp.CallErrorAsync("validate_playbook", new { })).ShouldContain("content");
    }
}
