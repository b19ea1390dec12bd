using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Mcp;

/// <summary>Templates appear as MCP prompts for their owner, through the real C# client.</summary>
public sealed class TemplatePromptTests(PromptmarkApp app)
{
    [Fact]
    public async Task templates_are_listed_as_prompts_with_their_variables_as_arguments()
    {
        var user = await app.NewUserAsync();
        await app.CreatePromptAsync(user, new { title = "Plain", prompt = "No variables here" });
        await app.CreatePromptAsync(user, new { title = "Email Drafter!", prompt = "Write to {{recipient}} in a {{tone:enum:warm,formal:warm}} tone", notes = "For quick emails" });
        await using var mcp = await app.McpClientAsync(user);

        var prompts = await mcp.ListPromptsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var prompt = prompts.ShouldHaveSingleItem();
        prompt.Name.ShouldStartWith("email-drafter-");
        prompt.Title.ShouldBe("Email Drafter!");
        prompt.Description.ShouldBe("For quick emails");
        var arguments = prompt.ProtocolPrompt.Arguments!;
        arguments.Select(a => (a.Name, a.Required)).ShouldBe([("recipient", (bool?)true), ("tone", false)]);
        arguments[1].Description.ShouldBe("enum, one of: warm, formal (default: warm)");
    }

    [Fact]
    public async Task getting_a_prompt_renders_the_template()
    {
        var user = await app.NewUserAsync();
        await app.CreatePromptAsync(user, new { title = "Greeter", prompt = "Hello {{name}}, count to {{n:number:3}}" });
        await using var mcp = await app.McpClientAsync(user);
        var listed = (await mcp.ListPromptsAsync(cancellationToken: TestContext.Current.CancellationToken)).Single();

        var result = await mcp.GetPromptAsync(listed.Name, new Dictionary<string, object?> { ["name"] = "Ada" }, cancellationToken: TestContext.Current.CancellationToken);
        ((TextContentBlock)result.Messages.Single().Content).Text.ShouldBe("Hello Ada, count to 3");

        var error = await Should.ThrowAsync<McpProtocolException>(() =>
            mcp.GetPromptAsync(listed.Name, new Dictionary<string, object?> { ["n"] = "many" }, cancellationToken: TestContext.Current.CancellationToken).AsTask());
        error.Message.ShouldContain("\"name\"");
        error.Message.ShouldContain("\"n\" must be a number");
    }

    [Fact]
    public async Task a_change_in_the_library_is_announced_to_the_users_open_sessions()
    {
        var user = await app.NewUserAsync();
        await using var mcp = await app.McpClientAsync(user);
        (await mcp.ListPromptsAsync(cancellationToken: TestContext.Current.CancellationToken)).ShouldBeEmpty();
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = mcp.RegisterNotificationHandler(NotificationMethods.PromptListChangedNotification, (_, _) =>
        {
            changed.TrySetResult();
            return ValueTask.CompletedTask;
        });

        await app.CreatePromptAsync(user, new { title = "New template", prompt = "Hi {{who}}" });
        await changed.Task.Bounded();
        (await mcp.ListPromptsAsync(cancellationToken: TestContext.Current.CancellationToken)).ShouldHaveSingleItem();
    }
}
