using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Remixes;

public sealed class RemixTests(PromptmarkApp app)
{
    [Fact]
    public async Task remixes_are_listed_with_their_sources()
    {
        var author = await app.NewUserAsync();
        var remixer = await app.NewUserAsync();
        var source = await app.CreatePromptAsync(author, new { title = "Original", prompt = "p", is_public = true, is_remixable = true });
        var own = await app.CreatePromptAsync(remixer, new { title = "Mine", prompt = "p" });
        await app.CreatePromptAsync(remixer, new { title = "Remix of theirs", prompt = "p2", remixed_id = source.Id() });
        await app.CreatePromptAsync(remixer, new { title = "Remix of mine", prompt = "p3", remixed_id = own.Id() });

        var remixes = (await app.GetAsync(remixer, "/api/remixes")).GetProperty("remixes").EnumerateArray().ToList();
        remixes.Select(r => r.GetProperty("prompt").Str("title")).ShouldBe(["Remix of mine", "Remix of theirs"]);
        remixes[1].GetProperty("source").Str("title").ShouldBe("Original");
        remixes[1].GetProperty("source").Str("author_id").ShouldBe(author.Id.ToString());

        await app.PatchAsync(author, $"/api/prompts/{source.Id()}", new { is_public = false });
        var hidden = (await app.GetAsync(remixer, "/api/remixes")).GetProperty("remixes")[1].GetProperty("source");
        hidden.GetProperty("available").GetBoolean().ShouldBeFalse();
        hidden.GetProperty("title").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task remixes_are_listed_over_mcp()
    {
        var user = await app.NewUserAsync();
        await using var mcp = await app.McpClientAsync(user);
        var source = (await mcp.CallJsonAsync("create_prompt", new { title = "s", prompt = "p" })).Id();
        await mcp.CallJsonAsync("create_prompt", new { title = "r", prompt = "p", remixed_id = source });
        (await mcp.CallJsonAsync("list_remixes", new { limit = 10 })).GetProperty("remixes").GetArrayLength().ShouldBe(1);
    }
}
