using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Prompts;

/// <summary>Collections, tags, versions, responses and remixes of one user are invisible and untouchable to another.</summary>
public sealed class LibraryIsolationTests(PromptmarkApp app)
{
    private sealed record OwnersLibrary(TestUser Owner, string PromptId, string CollectionId, string VersionId, string ResponseId);

    private async Task<OwnersLibrary> OwnersLibraryAsync()
    {
        var owner = await app.NewUserAsync();
        var collection = await app.PostAsync(owner, "/api/collections", new { name = "Secret plans" }, 201);
        var prompt = await app.CreatePromptAsync(owner, new { title = "Plan", prompt = "v1", tags = new[] { "secret" }, collection_id = collection.Id() });
        await app.PatchAsync(owner, $"/api/prompts/{prompt.Id()}", new { prompt = "v2" });
        var version = (await app.GetAsync(owner, $"/api/prompts/{prompt.Id()}/versions")).GetProperty("versions")[0].Id();
        var response = await app.PostAsync(owner, $"/api/prompts/{prompt.Id()}/responses", new { model_id = "m", content = "answer" }, 201);
        return new OwnersLibrary(owner, prompt.Id(), collection.Id(), version, response.Id());
    }

    [Fact]
    public async Task every_library_route_answers_404_to_a_stranger()
    {
        var lib = await OwnersLibraryAsync();
        var stranger = await app.NewUserAsync();
        var mine = await app.CreatePromptAsync(stranger, new { title = "mine", prompt = "p" });
        var (p, c, v, r) = (lib.PromptId, lib.CollectionId, lib.VersionId, lib.ResponseId);

        var routes = new (HttpMethod Verb, string Url, object? Body, string What)[]
        {
            (HttpMethod.Get, $"/api/collections/{c}", null, "collection"),
            (HttpMethod.Patch, $"/api/collections/{c}", new { name = "mine" }, "collection"),
            (HttpMethod.Delete, $"/api/collections/{c}", null, "collection"),
            (HttpMethod.Put, $"/api/prompts/{p}/collection", new { collection_id = "" }, "prompt"),
            (HttpMethod.Put, $"/api/prompts/{mine.Id()}/collection", new { collection_id = c }, "collection"),
            (HttpMethod.Post, $"/api/prompts/{p}/tags", new { tag = "x" }, "prompt"),
            (HttpMethod.Delete, $"/api/prompts/{p}/tags/secret", null, "prompt"),
            (HttpMethod.Get, $"/api/prompts/{p}/versions", null, "prompt"),
            (HttpMethod.Get, $"/api/versions/{v}", null, "version"),
            (HttpMethod.Post, $"/api/prompts/{p}/versions/{v}/restore", new { }, "prompt"),
            (HttpMethod.Get, $"/api/prompts/{p}/versions/1/diff/2", null, "prompt"),
            (HttpMethod.Post, $"/api/prompts/{p}/responses", new { model_id = "m", content = "c" }, "prompt"),
            (HttpMethod.Get, $"/api/responses?prompt_id={p}", null, "prompt"),
            (HttpMethod.Get, $"/api/responses/{r}", null, "response"),
            (HttpMethod.Delete, $"/api/responses/{r}", null, "response"),
        };
        foreach (var (verb, url, body, what) in routes)
            (await Support.Api.SendAsync(app.Host, stranger, verb, url, body, 404)).Str("detail").ShouldBe($"{what} not found", $"{verb} {url}");
        (await app.PostAsync(stranger, "/api/tags/bulk", new { tag = "x", prompt_ids = new[] { p } }, 404)).Str("detail").ShouldBe($"prompt {p} not found");

        (await app.PostAsync(stranger, "/api/tags/rename", new { old_name = "secret", new_name = "mine" })).GetProperty("prompts_updated").GetInt32().ShouldBe(0);
        (await app.GetAsync(stranger, "/api/collections")).GetProperty("collections").GetArrayLength().ShouldBe(0);
        (await app.GetAsync(stranger, "/api/responses")).GetProperty("total").GetInt64().ShouldBe(0);
        (await app.GetAsync(stranger, "/api/remixes")).GetProperty("remixes").GetArrayLength().ShouldBe(0);
        await AssertUntouchedAsync(lib);
    }

    [Fact]
    public async Task every_library_tool_answers_not_found_to_a_stranger()
    {
        var lib = await OwnersLibraryAsync();
        var stranger = await app.NewUserAsync();
        await using var mcp = await app.McpClientAsync(stranger);
        var (p, c, v, r) = (lib.PromptId, lib.CollectionId, lib.VersionId, lib.ResponseId);

        var calls = new (string Tool, object Arguments, string What)[]
        {
            ("get_collection", new { id = c }, "collection"),
            ("update_collection", new { id = c, name = "mine" }, "collection"),
            ("delete_collection", new { id = c }, "collection"),
            ("assign_prompt_to_collection", new { prompt_id = p, collection_id = "" }, "prompt"),
            ("add_tag", new { prompt_id = p, tag = "x" }, "prompt"),
            ("remove_tag", new { prompt_id = p, tag = "secret" }, "prompt"),
            ("bulk_add_tag", new { tag = "x", prompt_ids = new[] { p } }, $"prompt {p}"),
            ("get_prompt_versions", new { prompt_id = p }, "prompt"),
            ("get_prompt_version", new { version_id = v }, "version"),
            ("restore_prompt_version", new { prompt_id = p, version_id = v }, "prompt"),
            ("capture_response", new { prompt_id = p, model_id = "m", content = "c" }, "prompt"),
            ("list_captured_responses", new { prompt_id = p }, "prompt"),
            ("get_captured_response", new { id = r }, "response"),
            ("delete_captured_response", new { id = r }, "response"),
        };
        foreach (var (tool, arguments, what) in calls)
            (await mcp.CallErrorAsync(tool, arguments)).ShouldBe($"{what} not found", tool);
        (await mcp.CallJsonAsync("list_collections")).GetProperty("collections").GetArrayLength().ShouldBe(0);
        await AssertUntouchedAsync(lib);
    }

    private async Task AssertUntouchedAsync(OwnersLibrary lib)
    {
        var prompt = await app.GetAsync(lib.Owner, $"/api/prompts/{lib.PromptId}");
        prompt.Str("prompt").ShouldBe("v2");
        prompt.Str("collection_id").ShouldBe(lib.CollectionId);
        prompt.GetProperty("tags")[0].GetString().ShouldBe("secret");
        (await app.GetAsync(lib.Owner, $"/api/collections/{lib.CollectionId}")).Str("name").ShouldBe("Secret plans");
        await app.GetAsync(lib.Owner, $"/api/responses/{lib.ResponseId}");
    }
}
