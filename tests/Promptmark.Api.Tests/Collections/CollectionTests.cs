using System.Text.Json;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Collections;

public sealed class CollectionTests(PromptmarkApp app)
{
    [Fact]
    public async Task a_collection_is_created_with_defaults_and_listed_with_counts()
    {
        var user = await app.NewUserAsync();
        var created = await app.PostAsync(user, "/api/collections", new { name = "Writing" }, 201);
        created.Str("icon").ShouldBe("folder");
        created.Str("color").ShouldBe("gray");
        await app.CreatePromptAsync(user, new { title = "t", prompt = "p", collection_id = created.Id() });

        var list = await app.GetAsync(user, "/api/collections");
        var listed = list.GetProperty("collections").EnumerateArray().Single();
        listed.GetProperty("prompt_count").GetInt32().ShouldBe(1);
        (await app.GetAsync(user, "/api/collections?include_counts=false")).GetProperty("collections")[0]
            .GetProperty("prompt_count").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task names_are_unique_per_user_whatever_their_case()
    {
        var user = await app.NewUserAsync();
        var other = await app.NewUserAsync();
        await app.PostAsync(user, "/api/collections", new { name = "Research" }, 201);
        (await app.PostAsync(user, "/api/collections", new { name = "research " }, 409)).Str("detail").ShouldContain("already have a collection");
        await app.PostAsync(other, "/api/collections", new { name = "Research" }, 201);
    }

    [Theory]
    [InlineData("color", "magenta")]
    [InlineData("name", "")]
    public async Task invalid_fields_are_refused(string field, string value)
    {
        var user = await app.NewUserAsync();
        var body = new Dictionary<string, object> { ["name"] = "ok", [field] = value };
        (await app.PostAsync(user, "/api/collections", body, 400)).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task getting_a_collection_lists_its_prompt_ids_on_request()
    {
        var user = await app.NewUserAsync();
        var collection = await app.PostAsync(user, "/api/collections", new { name = "Ops", color = "blue", icon = "server" }, 201);
        var prompt = await app.CreatePromptAsync(user, new { title = "t", prompt = "p" });
        var assigned = await app.PutAsync(user, $"/api/prompts/{prompt.Id()}/collection", new { collection_id = collection.Id() });
        assigned.Str("collection_id").ShouldBe(collection.Id());

        var read = await app.GetAsync(user, $"/api/collections/{collection.Id()}?include_prompts=true");
        read.GetProperty("prompt_ids")[0].GetString().ShouldBe(prompt.Id());
        (await app.GetAsync(user, $"/api/collections/{collection.Id()}")).GetProperty("prompt_ids").ValueKind.ShouldBe(JsonValueKind.Null);
        (await app.GetAsync(user, $"/api/prompts?collection_id={collection.Id()}")).GetProperty("total").GetInt64().ShouldBe(1);

        var removed = await app.PutAsync(user, $"/api/prompts/{prompt.Id()}/collection", new { collection_id = "" });
        removed.GetProperty("collection_id").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task updating_changes_only_given_fields_and_keeps_names_unique()
    {
        var user = await app.NewUserAsync();
        var first = await app.PostAsync(user, "/api/collections", new { name = "One", description = "first" }, 201);
        await app.PostAsync(user, "/api/collections", new { name = "Two" }, 201);
        var updated = await app.PatchAsync(user, $"/api/collections/{first.Id()}", new { color = "green" });
        updated.Str("description").ShouldBe("first");
        updated.Str("color").ShouldBe("green");
        await app.PatchAsync(user, $"/api/collections/{first.Id()}", new { name = "TWO" }, 409);
        (await app.PatchAsync(user, $"/api/collections/{first.Id()}", new { name = "one" })).Str("name").ShouldBe("one");
    }

    [Fact]
    public async Task deleting_a_collection_leaves_its_prompts_uncategorized()
    {
        var user = await app.NewUserAsync();
        var collection = await app.PostAsync(user, "/api/collections", new { name = "Temp" }, 201);
        var prompts = new List<string>();
        for (var i = 0; i < 3; i++) prompts.Add((await app.CreatePromptAsync(user, new { title = $"p{i}", prompt = "p", collection_id = collection.Id() })).Id());

        await app.DeleteAsync(user, $"/api/collections/{collection.Id()}");
        await app.GetAsync(user, $"/api/collections/{collection.Id()}", 404);
        foreach (var id in prompts)
            (await app.GetAsync(user, $"/api/prompts/{id}")).GetProperty("collection_id").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task collections_work_over_mcp()
    {
        var user = await app.NewUserAsync();
        await using var mcp = await app.McpClientAsync(user);
        var created = await mcp.CallJsonAsync("create_collection", new { name = "Agents", color = "purple" });
        var prompt = await mcp.CallJsonAsync("create_prompt", new { title = "t", prompt = "p" });
        await mcp.CallJsonAsync("assign_prompt_to_collection", new { prompt_id = prompt.Id(), collection_id = created.Id() });
        (await mcp.CallJsonAsync("get_collection", new { id = created.Id(), include_prompts = true })).GetProperty("prompt_count").GetInt32().ShouldBe(1);
        (await mcp.CallJsonAsync("update_collection", new { id = created.Id(), description = "agent prompts" })).Str("description").ShouldBe("agent prompts");
        (await mcp.CallJsonAsync("list_collections")).GetProperty("collections")[0].GetProperty("prompt_count").GetInt32().ShouldBe(1);
        (await mcp.CallJsonAsync("delete_collection", new { id = created.Id() })).GetProperty("success").GetBoolean().ShouldBeTrue();
        (await mcp.CallErrorAsync("create_collection", new { name = "x", color = "teal" })).ShouldContain("color: must be one of");
    }
}
