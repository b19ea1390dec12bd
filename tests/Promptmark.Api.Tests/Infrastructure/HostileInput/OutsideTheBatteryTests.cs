using Microsoft.AspNetCore.Http;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Infrastructure.HostileInput;

/// <summary>Hostile input the catalog battery does not reach: MCP prompts, and Kestrel's own refusals.</summary>
public sealed class OutsideTheBatteryTests(PromptmarkApp app)
{
    [Theory]
    [InlineData("-1")]
    [InlineData("x")]
    public async Task a_prompts_cursor_this_server_never_gave_is_invalid_params_not_an_internal_error(string cursor)
    {
        await using var client = await app.McpClientAsync(await app.NewUserAsync());
        var refusal = await Should.ThrowAsync<McpProtocolException>(() =>
            client.ListPromptsAsync(new ListPromptsRequestParams { Cursor = cursor }).AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
        refusal.ErrorCode.ShouldBe(McpErrorCode.InvalidParams);
        refusal.Message.ShouldContain("cursor");
    }

    [Fact]
    public async Task a_nul_in_a_prompt_argument_is_invalid_params_naming_it()
    {
        var user = await app.NewUserAsync();
        await app.CreatePromptAsync(user, new { title = "Hi", prompt = "Hello {{name}}" });
        await using var client = await app.McpClientAsync(user);
        var prompt = (await client.ListPromptsAsync()).Single();
        var refusal = await Should.ThrowAsync<McpProtocolException>(() =>
            client.GetPromptAsync(prompt.Name, new Dictionary<string, object?> { ["name"] = "a\0b" }).AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
        refusal.ErrorCode.ShouldBe(McpErrorCode.InvalidParams);
        refusal.Message.ShouldContain("name: must not contain the NUL character");
    }

    [Fact]
    public void a_body_over_the_servers_limit_is_a_413_not_a_500()
    {
        var problem = ProblemResponses.ToProblem(ProblemResponses.Unwrap(new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge)));
        problem.Status.ShouldBe(StatusCodes.Status413PayloadTooLarge);
    }
}
