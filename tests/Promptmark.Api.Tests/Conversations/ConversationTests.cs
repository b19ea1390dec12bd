using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Conversations;

public sealed class ConversationTests(PromptmarkApp app)
{
    [Fact]
    public async Task a_conversation_is_created_read_listed_updated_and_deleted()
    {
        var user = await app.NewUserAsync();
        var created = await app.PostAsync(user, "/api/conversations", new { title = "Tides", model_id = "OpenAI/gpt-4o", system_prompt = "Be brief." }, 201);
        created.Str("model_id").ShouldBe("openai/gpt-4o");
        created.Str("source").ShouldBe("native");
        var url = $"/api/conversations/{created.Id()}";

        var read = await app.GetAsync(user, url);
        read.Str("system_prompt").ShouldBe("Be brief.");
        read.GetProperty("messages").GetArrayLength().ShouldBe(0);
        (await app.GetAsync(user, $"{url}?include_messages=false")).GetProperty("messages").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);

        var updated = await app.PatchAsync(user, url, new { title = "Tides and moons", system_prompt = "" });
        updated.Str("title").ShouldBe("Tides and moons");
        updated.GetProperty("system_prompt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        updated.Str("model_id").ShouldBe("openai/gpt-4o");

        var list = await app.GetAsync(user, "/api/conversations?search=MOONS");
        list.GetProperty("total").GetInt64().ShouldBe(1);
        list.GetProperty("conversations")[0].Id().ShouldBe(created.Id());
        (await app.GetAsync(user, "/api/conversations?source=chatgpt")).GetProperty("total").GetInt64().ShouldBe(0);

        await app.DeleteAsync(user, url);
        await app.GetAsync(user, url, 404);
        (await app.GetAsync(user, "/api/conversations")).GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Theory]
    [InlineData("gpt-4o")]
    [InlineData("openai/")]
    [InlineData("open ai/gpt-4o")]
    public async Task a_malformed_model_id_is_refused_and_nothing_is_stored(string modelId)
    {
        var user = await app.NewUserAsync();

        var problem = await app.PostAsync(user, "/api/conversations", new { title = "t", model_id = modelId }, 400);

        problem.GetProperty("errors").GetProperty("model_id")[0].GetString().ShouldBe("must be provider/model, e.g. openai/gpt-4o");
        (await app.GetAsync(user, "/api/conversations")).GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task only_your_own_prompt_can_be_linked()
    {
        var owner = await app.NewUserAsync();
        var othersPrompt = (await app.CreatePromptAsync(owner, new { title = "t", prompt = "Secret", is_public = true })).Id();
        var user = await app.NewUserAsync();
        var conversation = (await app.PostAsync(user, "/api/conversations", new { title = "t", model_id = "openai/gpt-4o" }, 201)).Id();

        await app.PutAsync(user, $"/api/conversations/{conversation}/prompt", new { prompt_id = othersPrompt }, 404);
        await app.PostAsync(user, "/api/conversations", new { title = "t", model_id = "openai/gpt-4o", linked_prompt_id = othersPrompt }, 404);

        var own = (await app.CreatePromptAsync(user, new { title = "t", prompt = "Mine" })).Id();
        (await app.PutAsync(user, $"/api/conversations/{conversation}/prompt", new { prompt_id = own })).Str("linked_prompt_id").ShouldBe(own);
        (await app.PatchAsync(user, $"/api/conversations/{conversation}", new { linked_prompt_id = "" }))
            .GetProperty("linked_prompt_id").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task imported_messages_keep_their_order_and_page_back_with_the_before_cursor()
    {
        var user = await app.NewUserAsync();
        var messages = Enumerable.Range(1, 5).Select(i => new { role = i % 2 == 1 ? "user" : "assistant", content = $"m{i}" }).ToArray();
        var imported = await app.PostAsync(user, "/api/conversations/import", new { title = "Old chat", source = "chatgpt", model = "openai/gpt-4o", messages }, 201);
        imported.GetProperty("message_count").GetInt32().ShouldBe(5);
        var url = $"/api/conversations/{imported.Id()}/messages";

        var newest = await app.GetAsync(user, $"{url}?limit=2");
        Contents(newest).ShouldBe(["m4", "m5"]);
        newest.GetProperty("has_more").GetBoolean().ShouldBeTrue();
        var older = await app.GetAsync(user, $"{url}?limit=2&before={Uri.EscapeDataString(newest.Str("next_before"))}");
        Contents(older).ShouldBe(["m2", "m3"]);
        var oldest = await app.GetAsync(user, $"{url}?limit=2&before={Uri.EscapeDataString(older.Str("next_before"))}");
        Contents(oldest).ShouldBe(["m1"]);
        oldest.GetProperty("has_more").GetBoolean().ShouldBeFalse();

        var read = await app.GetAsync(user, $"/api/conversations/{imported.Id()}?message_limit=3");
        read.GetProperty("messages").EnumerateArray().Select(m => m.Str("content")).ShouldBe(["m3", "m4", "m5"]);
        read.GetProperty("has_more_messages").GetBoolean().ShouldBeTrue();
        (await app.GetAsync(user, "/api/conversations?source=chatgpt")).GetProperty("total").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task bad_imports_and_reads_are_refused_naming_the_field()
    {
        var user = await app.NewUserAsync();

        var problem = await app.PostAsync(user, "/api/conversations/import",
            new { title = "t", source = "native", messages = new[] { new { role = "user", content = "a" }, new { role = "tool", content = "b" } } }, 400);

        var errors = problem.GetProperty("errors");
        errors.GetProperty("source")[0].GetString()!.ShouldStartWith("must be one of claude");
        errors.GetProperty("messages[1]")[0].GetString().ShouldBe("role must be one of system, user, assistant");
        (await app.GetAsync(user, "/api/conversations")).GetProperty("total").GetInt64().ShouldBe(0);

        var conversation = (await app.PostAsync(user, "/api/conversations", new { title = "t", model_id = "openai/gpt-4o" }, 201)).Id();
        await app.GetAsync(user, $"/api/conversations/{conversation}/messages?limit=201", 400);
        await app.GetAsync(user, $"/api/conversations/{conversation}/messages?before=yesterday", 400);
        await app.GetAsync(user, $"/api/conversations/{conversation}?message_limit=0", 400);
    }

    [Fact]
    public async Task conversations_work_over_mcp()
    {
        var user = await app.NewUserAsync();
        await using var mcp = await app.McpClientAsync(user);
        var prompt = (await mcp.CallJsonAsync("create_prompt", new { title = "t", prompt = "You are terse." })).Id();
        var created = await mcp.CallJsonAsync("create_conversation", new { title = "Chat", model_id = "anthropic/claude-sonnet-4" });
        var id = created.Id();

        (await mcp.CallJsonAsync("link_conversation_prompt", new { conversation_id = id, prompt_id = prompt })).Str("linked_prompt_id").ShouldBe(prompt);
        (await mcp.CallJsonAsync("update_conversation", new { id, title = "Renamed" })).Str("title").ShouldBe("Renamed");
        var imported = await mcp.CallJsonAsync("import_conversation", new { title = "Imported", messages = new[] { new { role = "user", content = "hi" } } });
        imported.Str("source").ShouldBe("json");
        (await mcp.CallJsonAsync("list_conversation_messages", new { conversation_id = imported.Id() })).GetProperty("messages")[0].Str("content").ShouldBe("hi");
        (await mcp.CallJsonAsync("get_conversation", new { id = imported.Id(), message_limit = 1 })).GetProperty("messages").GetArrayLength().ShouldBe(1);
        (await mcp.CallJsonAsync("list_conversations", new { source = "native" })).GetProperty("total").GetInt64().ShouldBe(1);

        (await mcp.CallErrorAsync("create_conversation", new { title = "t", model_id = "gpt-4o" })).ShouldContain("model_id: must be provider/model");
        (await mcp.CallErrorAsync("link_conversation_prompt", new { conversation_id = id, prompt_id = Guid.NewGuid().ToString() })).ShouldContain("prompt not found");
        (await mcp.CallJsonAsync("delete_conversation", new { id })).GetProperty("success").GetBoolean().ShouldBeTrue();
        (await mcp.CallErrorAsync("get_conversation", new { id })).ShouldContain("conversation not found");
    }

    private static IEnumerable<string> Contents(System.Text.Json.JsonElement window) =>
        window.GetProperty("messages").EnumerateArray().Select(m => m.Str("content"));
}
