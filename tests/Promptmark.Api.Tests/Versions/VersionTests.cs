using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Versions;

public sealed class VersionTests(PromptmarkApp app)
{
    private async Task<(TestUser User, string Id)> PromptWithHistoryAsync()
    {
        var user = await app.NewUserAsync();
        var id = (await app.CreatePromptAsync(user, new { title = "v1", prompt = "line one\nline two" })).Id();
        await app.PatchAsync(user, $"/api/prompts/{id}", new { title = "v2", prompt = "line one\nline 2\nline three" });
        await app.PatchAsync(user, $"/api/prompts/{id}", new { notes = "v3 notes" });
        return (user, id);
    }

    [Fact]
    public async Task history_lists_earlier_versions_newest_first()
    {
        var (user, id) = await PromptWithHistoryAsync();
        var history = await app.GetAsync(user, $"/api/prompts/{id}/versions");
        history.GetProperty("current_version").GetInt32().ShouldBe(3);
        history.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("number").GetInt32()).ShouldBe([2, 1]);
    }

    [Fact]
    public async Task a_version_snapshot_holds_the_whole_text()
    {
        var (user, id) = await PromptWithHistoryAsync();
        var first = (await app.GetAsync(user, $"/api/prompts/{id}/versions")).GetProperty("versions")[1];
        var version = await app.GetAsync(user, $"/api/versions/{first.Id()}");
        version.Str("title").ShouldBe("v1");
        version.Str("prompt").ShouldBe("line one\nline two");
    }

    [Fact]
    public async Task restoring_keeps_the_current_state_as_a_new_version_first()
    {
        var (user, id) = await PromptWithHistoryAsync();
        var first = (await app.GetAsync(user, $"/api/prompts/{id}/versions")).GetProperty("versions")[1];
        var restored = await app.PostAsync(user, $"/api/prompts/{id}/versions/{first.Id()}/restore", new { });
        restored.Str("title").ShouldBe("v1");
        restored.Str("prompt").ShouldBe("line one\nline two");
        restored.GetProperty("version").GetInt32().ShouldBe(4);
        var history = await app.GetAsync(user, $"/api/prompts/{id}/versions");
        var kept = await app.GetAsync(user, $"/api/versions/{history.GetProperty("versions")[0].Id()}");
        kept.Str("notes").ShouldBe("v3 notes");
        kept.GetProperty("number").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task a_line_diff_compares_two_version_numbers()
    {
        var (user, id) = await PromptWithHistoryAsync();
        var diff = await app.GetAsync(user, $"/api/prompts/{id}/versions/1/diff/3");
        diff.GetProperty("added").GetInt32().ShouldBe(2);
        diff.GetProperty("removed").GetInt32().ShouldBe(1);
        diff.GetProperty("lines").EnumerateArray().Select(l => $"{l.Str("op")}:{l.Str("text")}")
            .ShouldBe(["equal:line one", "removed:line two", "added:line 2", "added:line three"]);
        await app.GetAsync(user, $"/api/prompts/{id}/versions/1/diff/9", 404);
    }

    [Fact]
    public async Task a_version_of_another_prompt_cannot_be_restored_onto_this_one()
    {
        var (user, id) = await PromptWithHistoryAsync();
        var (_, otherId) = (user, (await app.CreatePromptAsync(user, new { title = "other", prompt = "x" })).Id());
        await app.PatchAsync(user, $"/api/prompts/{otherId}", new { prompt = "y" });
        var otherVersion = (await app.GetAsync(user, $"/api/prompts/{otherId}/versions")).GetProperty("versions")[0].Id();
        await app.PostAsync(user, $"/api/prompts/{id}/versions/{otherVersion}/restore", new { }, 404);
    }

    [Fact]
    public async Task versions_work_over_mcp()
    {
        var (user, id) = await PromptWithHistoryAsync();
        await using var mcp = await app.McpClientAsync(user);
        var history = await mcp.CallJsonAsync("get_prompt_versions", new { prompt_id = id });
        var versionId = history.GetProperty("versions")[1].Id();
        (await mcp.CallJsonAsync("get_prompt_version", new { version_id = versionId })).Str("title").ShouldBe("v1");
        (await mcp.CallJsonAsync("restore_prompt_version", new { prompt_id = id, version_id = versionId })).Str("title").ShouldBe("v1");
    }
}
