using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Tags;

public sealed class TagTests(PromptmarkApp app)
{
    private static string[] Tags(System.Text.Json.JsonElement result) =>
        result.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToArray();

    [Fact]
    public async Task adding_a_tag_ignores_a_duplicate_in_another_case()
    {
        var user = await app.NewUserAsync();
        var prompt = await app.CreatePromptAsync(user, new { title = "t", prompt = "p", tags = new[] { "AI" } });
        var added = await app.PostAsync(user, $"/api/prompts/{prompt.Id()}/tags", new { tag = "coding" });
        Tags(added).ShouldBe(["AI", "coding"]);
        added.GetProperty("count").GetInt32().ShouldBe(2);
        var again = await app.PostAsync(user, $"/api/prompts/{prompt.Id()}/tags", new { tag = "ai" });
        Tags(again).ShouldBe(["AI", "coding"]);
        again.GetProperty("changed").GetBoolean().ShouldBeFalse();
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("emoji🙂")]
    public async Task a_tag_that_breaks_the_rules_is_refused(string tag)
    {
        var user = await app.NewUserAsync();
        var prompt = await app.CreatePromptAsync(user, new { title = "t", prompt = "p" });
        (await app.PostAsync(user, $"/api/prompts/{prompt.Id()}/tags", new { tag }, 400)).GetProperty("errors").TryGetProperty("tag", out _).ShouldBeTrue();
        await app.PostAsync(user, $"/api/prompts/{prompt.Id()}/tags", new { tag = new string('a', 51) }, 400);
    }

    [Fact]
    public async Task removing_a_tag_matches_it_exactly()
    {
        var user = await app.NewUserAsync();
        var prompt = await app.CreatePromptAsync(user, new { title = "t", prompt = "p", tags = new[] { "Draft", "ok" } });
        (await app.DeleteAsync(user, $"/api/prompts/{prompt.Id()}/tags/draft")).GetProperty("changed").GetBoolean().ShouldBeFalse();
        Tags(await app.DeleteAsync(user, $"/api/prompts/{prompt.Id()}/tags/Draft")).ShouldBe(["ok"]);
    }

    [Fact]
    public async Task renaming_onto_an_existing_tag_merges_without_duplicates()
    {
        var user = await app.NewUserAsync();
        var both = await app.CreatePromptAsync(user, new { title = "both", prompt = "p", tags = new[] { "ml", "machine-learning" } });
        var one = await app.CreatePromptAsync(user, new { title = "one", prompt = "p", tags = new[] { "ML" } });
        var renamed = await app.PostAsync(user, "/api/tags/rename", new { old_name = "ml", new_name = "machine-learning" });
        renamed.GetProperty("prompts_updated").GetInt32().ShouldBe(2);
        (await app.GetAsync(user, $"/api/prompts/{both.Id()}")).GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["machine-learning"]);
        (await app.GetAsync(user, $"/api/prompts/{one.Id()}")).GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["machine-learning"]);
    }

    [Fact]
    public async Task bulk_tagging_reports_updated_and_requested()
    {
        var user = await app.NewUserAsync();
        var a = await app.CreatePromptAsync(user, new { title = "a", prompt = "p", tags = new[] { "review" } });
        var b = await app.CreatePromptAsync(user, new { title = "b", prompt = "p" });
        var result = await app.PostAsync(user, "/api/tags/bulk", new { tag = "review", prompt_ids = new[] { a.Id(), b.Id() } });
        result.GetProperty("updated").GetInt32().ShouldBe(1);
        result.GetProperty("requested").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task bulk_tagging_with_one_foreign_prompt_fails_whole_and_changes_nothing()
    {
        var user = await app.NewUserAsync();
        var stranger = await app.NewUserAsync();
        var mine = await app.CreatePromptAsync(user, new { title = "mine", prompt = "p" });
        var theirs = await app.CreatePromptAsync(stranger, new { title = "theirs", prompt = "p" });
        var problem = await app.PostAsync(user, "/api/tags/bulk", new { tag = "x", prompt_ids = new[] { mine.Id(), theirs.Id() } }, 404);
        problem.Str("detail").ShouldBe($"prompt {theirs.Id()} not found");
        (await app.GetAsync(user, $"/api/prompts/{mine.Id()}")).GetProperty("tags").GetArrayLength().ShouldBe(0);
        (await app.GetAsync(stranger, $"/api/prompts/{theirs.Id()}")).GetProperty("tags").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task bulk_tagging_takes_at_most_a_hundred_prompts()
    {
        var user = await app.NewUserAsync();
        var ids = Enumerable.Range(0, 101).Select(_ => Guid.NewGuid().ToString()).ToArray();
        (await app.PostAsync(user, "/api/tags/bulk", new { tag = "x", prompt_ids = ids }, 400)).GetProperty("errors").TryGetProperty("prompt_ids", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task tags_work_over_mcp()
    {
        var user = await app.NewUserAsync();
        await using var mcp = await app.McpClientAsync(user);
        var id = (await mcp.CallJsonAsync("create_prompt", new { title = "t", prompt = "p" })).Id();
        Tags(await mcp.CallJsonAsync("add_tag", new { prompt_id = id, tag = "alpha" })).ShouldBe(["alpha"]);
        (await mcp.CallJsonAsync("rename_tag", new { old_name = "alpha", new_name = "beta" })).GetProperty("prompts_updated").GetInt32().ShouldBe(1);
        (await mcp.CallJsonAsync("bulk_add_tag", new { tag = "gamma", prompt_ids = new[] { id } })).GetProperty("updated").GetInt32().ShouldBe(1);
        Tags(await mcp.CallJsonAsync("remove_tag", new { prompt_id = id, tag = "beta" })).ShouldBe(["gamma"]);
    }
}
