using ModelContextProtocol.Protocol;
using Promptmark.Api.Tests.Isolation;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Mcp;

/// <summary>completion/complete through the real client: template arguments from their variables, skill names for skill://{name}.</summary>
public sealed class CompletionTests(PromptmarkApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_prompt_argument_completes_to_its_enum_options_matching_what_was_typed()
    {
        var user = await app.NewUserAsync();
        await app.CreatePromptAsync(user, new { title = "Mailer", prompt = "Write to {{who}} in a {{tone:enum:warm,formal,wry:warm}} tone, {{n:number:3}} lines" });
        await using var mcp = await app.McpClientAsync(user);
        mcp.ServerCapabilities.Completions.ShouldNotBeNull();
        var prompt = new PromptReference { Name = (await mcp.ListPromptsAsync(cancellationToken: Ct)).Single().Name };

        (await mcp.CompleteAsync(prompt, "tone", "", cancellationToken: Ct)).Completion.Values.ShouldBe(["warm", "formal", "wry"]);
        (await mcp.CompleteAsync(prompt, "tone", "W", cancellationToken: Ct)).Completion.Values.ShouldBe(["warm", "wry"]);
        (await mcp.CompleteAsync(prompt, "n", "", cancellationToken: Ct)).Completion.Values.ShouldBe(["3"]);
        (await mcp.CompleteAsync(prompt, "who", "", cancellationToken: Ct)).Completion.Values.ShouldBeEmpty();
        (await mcp.CompleteAsync(new PromptReference { Name = "no-such-prompt" }, "tone", "", cancellationToken: Ct)).Completion.Values.ShouldBeEmpty();
    }

    [Fact]
    public async Task the_skill_template_completes_the_callers_own_skill_names_by_prefix()
    {
        var user = await app.NewUserAsync();
        foreach (var name in new[] { "review-code", "review-docs", "summarize" })
            await app.PostAsync(user, "/api/skills", new { content = TenantWorld.SkillMd(name, "Does things.") }, 201);
        await using var mcp = await app.McpClientAsync(user);
        var template = (await mcp.ListResourceTemplatesAsync(cancellationToken: Ct)).ShouldHaveSingleItem();
        template.UriTemplate.ShouldBe("skill://{name}");
        var skill = new ResourceTemplateReference { Uri = template.UriTemplate };

        (await mcp.CompleteAsync(skill, "name", "rev", cancellationToken: Ct)).Completion.Values.ShouldBe(["review-code", "review-docs"]);
        (await mcp.CompleteAsync(skill, "name", "", cancellationToken: Ct)).Completion.Total.ShouldBe(3);
    }

    [Fact]
    public async Task at_most_a_hundred_names_are_offered_and_the_answer_says_there_are_more()
    {
        var user = await app.NewUserAsync();
        for (var i = 0; i < 101; i++)
            await app.PostAsync(user, "/api/skills", new { content = TenantWorld.SkillMd($"skill-{i:000}", "Does things.") }, 201);
        await using var mcp = await app.McpClientAsync(user);

        var completion = (await mcp.CompleteAsync(new ResourceTemplateReference { Uri = "skill://{name}" }, "name", "skill-", cancellationToken: Ct)).Completion;

        completion.Values.Count.ShouldBe(100);
        completion.Total.ShouldBe(101);
        completion.HasMore.ShouldBe(true);
    }
}
