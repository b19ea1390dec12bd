using ModelContextProtocol;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Prompts;

/// <summary>
/// A 100 KB template of <c>{{a}}</c> with a 500-character value would render 10 MB from a 1 KB request; every door
/// that runs the engine refuses it with the configured cap named, instead of building the text.
/// </summary>
public sealed class RenderAmplificationTests(PromptmarkApp app)
{
    private const string CapMessage = "longer than the limit of 1,000,000 characters";
    private static readonly string Amplifier = string.Concat(Enumerable.Repeat("{{a}}", 20_000));
    private static readonly object Variables = new { a = new string('x', 500) };

    private async Task<(TestUser User, string Id)> AmplifierAsync()
    {
        var user = await app.NewUserAsync();
        var created = await app.CreatePromptAsync(user, new { title = "Amplifier", prompt = Amplifier });
        return (user, created.Id());
    }

    [Fact]
    public async Task rendering_over_rest_past_the_cap_is_a_422_naming_the_cap()
    {
        var (user, id) = await AmplifierAsync();

        var problem = await app.PostAsync(user, $"/api/prompts/{id}/render", new { variables = Variables }, 422);

        problem.Str("detail").ShouldContain(CapMessage);
        problem.GetProperty("max_rendered_length").GetInt32().ShouldBe(1_000_000);
    }

    [Fact]
    public async Task validating_over_rest_past_the_cap_is_a_422_naming_the_cap()
    {
        var (user, id) = await AmplifierAsync();

        var problem = await app.PostAsync(user, $"/api/prompts/{id}/validate", new { variables = Variables }, 422);

        problem.Str("detail").ShouldContain(CapMessage);
    }

    [Fact]
    public async Task the_mcp_render_and_validate_tools_refuse_past_the_cap()
    {
        var (user, id) = await AmplifierAsync();
        await using var mcp = await app.McpClientAsync(user);

        (await mcp.CallErrorAsync("render_prompt", new { id, variables = Variables })).ShouldContain(CapMessage);
        (await mcp.CallErrorAsync("validate_prompt_inputs", new { id, variables = Variables })).ShouldContain(CapMessage);
    }

    [Fact]
    public async Task getting_the_mcp_prompt_past_the_cap_fails_naming_the_cap()
    {
        var (user, _) = await AmplifierAsync();
        await using var mcp = await app.McpClientAsync(user);
        var name = (await mcp.ListPromptsAsync(cancellationToken: TestContext.Current.CancellationToken)).Single().Name;

        var error = await Should.ThrowAsync<McpProtocolException>(() => mcp.GetPromptAsync(name,
            new Dictionary<string, object?> { ["a"] = new string('x', 500) }, cancellationToken: TestContext.Current.CancellationToken).AsTask());

        error.Message.ShouldContain(CapMessage);
    }
}
