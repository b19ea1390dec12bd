using ModelContextProtocol.Protocol;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Versions;

/// <summary>Labels name the version that is approved (production) or being tried (staging); MCP clients get production.</summary>
public sealed class VersionLabelTests(PromptmarkApp app)
{
    private async Task<(TestUser User, string Id)> ThreeVersionsAsync()
    {
        var user = await app.NewUserAsync();
        var id = (await app.CreatePromptAsync(user, new { title = "Greeter", prompt = "Hello {{name}}." })).Id();
        await app.PatchAsync(user, $"/api/prompts/{id}", new { prompt = "Hi {{name}}!" });
        await app.PatchAsync(user, $"/api/prompts/{id}", new { prompt = "Yo {{name}} {{mood:enum:calm,loud}}" });
        return (user, id);
    }

    [Fact]
    public async Task a_label_points_at_a_version_moves_when_set_again_and_shows_in_the_history()
    {
        var (user, id) = await ThreeVersionsAsync();

        await app.PutAsync(user, $"/api/prompts/{id}/labels/production", new { version = 1 });
        await app.PutAsync(user, $"/api/prompts/{id}/labels/staging", new { version = 3 });
        var moved = await app.PutAsync(user, $"/api/prompts/{id}/labels/production", new { version = 2 });

        moved.GetProperty("labels").GetProperty("production").GetInt32().ShouldBe(2);
        var labels = (await app.GetAsync(user, $"/api/prompts/{id}/versions")).GetProperty("labels");
        labels.GetProperty("production").GetInt32().ShouldBe(2);
        labels.GetProperty("staging").GetInt32().ShouldBe(3);

        var removed = await app.DeleteAsync(user, $"/api/prompts/{id}/labels/staging");
        removed.GetProperty("labels").EnumerateObject().Select(l => l.Name).ShouldBe(["production"]);
        await app.DeleteAsync(user, $"/api/prompts/{id}/labels/staging", 404);
    }

    [Fact]
    public async Task a_label_must_name_an_existing_version_with_a_plain_name()
    {
        var (user, id) = await ThreeVersionsAsync();

        var missing = await app.PutAsync(user, $"/api/prompts/{id}/labels/production", new { version = 4 }, 422);
        missing.Str("detail").ShouldBe("Version 4 does not exist: this prompt has versions 1 to 3.");
        var badName = await app.PutAsync(user, $"/api/prompts/{id}/labels/Prod%20Ready", new { version = 1 }, 400);
        badName.GetProperty("errors").GetProperty("label")[0].GetString()!.ShouldStartWith("must start with a lowercase letter");
        await app.PutAsync(user, $"/api/prompts/{id}/labels/production", new { }, 400);
        (await app.GetAsync(user, $"/api/prompts/{id}/versions")).GetProperty("labels").EnumerateObject().ShouldBeEmpty();
    }

    [Fact]
    public async Task mcp_clients_get_the_version_labelled_production_and_the_latest_text_without_it()
    {
        var (user, id) = await ThreeVersionsAsync();
        await using var mcp = await app.McpClientAsync(user);
        var ct = TestContext.Current.CancellationToken;
        var name = (await mcp.ListPromptsAsync(cancellationToken: ct)).Single().Name;
        var args = new Dictionary<string, object?> { ["name"] = "Ada", ["mood"] = "calm" };

        (await mcp.GetPromptAsync(name, args, cancellationToken: ct)).Messages.Single().Content.ShouldBeOfType<TextContentBlock>().Text.ShouldBe("Yo Ada calm");

        await app.PutAsync(user, $"/api/prompts/{id}/labels/production", new { version = 2 });
        var listed = (await mcp.ListPromptsAsync(cancellationToken: ct)).Single();
        listed.ProtocolPrompt.Arguments!.Select(a => a.Name).ShouldBe(["name"]);
        (await mcp.GetPromptAsync(name, args, cancellationToken: ct)).Messages.Single().Content.ShouldBeOfType<TextContentBlock>().Text.ShouldBe("Hi Ada!");

        await app.PutAsync(user, $"/api/prompts/{id}/labels/production", new { version = 3 });
        (await mcp.GetPromptAsync(name, args, cancellationToken: ct)).Messages.Single().Content.ShouldBeOfType<TextContentBlock>().Text.ShouldBe("Yo Ada calm");
    }
}
