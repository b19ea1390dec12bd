using System.Text.Json;
using Alba;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Conversations;

/// <summary>Import of export files (ChatGPT, Claude, markdown) and export to markdown and JSON, with fixtures shaped like the real exports.</summary>
public sealed class ConversationFileTests(PromptmarkApp app)
{
    private const string Import = "/api/conversations/import/file";

    [Fact]
    public async Task a_chatgpt_export_imports_the_current_branch_of_each_conversation_without_tool_calls_hidden_or_image_parts()
    {
        var user = await app.NewUserAsync();

        var imported = await app.PostAsync(user, Import, new { file = Fixture("chatgpt-conversations.json") }, 201);

        imported.Str("format").ShouldBe("chatgpt");
        imported.GetProperty("skipped_empty").GetInt32().ShouldBe(1);
        var conversations = imported.GetProperty("conversations");
        conversations.GetArrayLength().ShouldBe(2);
        conversations[0].Str("title").ShouldBe("Tide tables");
        conversations[0].Str("source").ShouldBe("chatgpt");
        conversations[0].Str("model_id").ShouldBe("openai/gpt-4o");
        (await MessagesAsync(user, conversations[0].Id())).ShouldBe([
            ("user", "When is high tide in Brest tomorrow?"),
            ("assistant", "High tide in Brest is at 06:12.\n\n## User\nThat heading is part of the answer."),
        ]);
        conversations[1].Str("model_id").ShouldBe("openai/gpt-4o-mini");
        (await MessagesAsync(user, conversations[1].Id())).Select(m => m.Role).ShouldBe(["user", "assistant"]);
        (await app.GetAsync(user, "/api/conversations?source=chatgpt")).GetProperty("total").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task a_claude_export_imports_the_text_blocks_of_each_message_and_skips_empty_conversations()
    {
        var user = await app.NewUserAsync();

        var imported = await app.PostAsync(user, Import, new { file = Fixture("claude-conversations.json"), model = "anthropic/claude-sonnet-4" }, 201);

        imported.Str("format").ShouldBe("claude");
        imported.GetProperty("skipped_empty").GetInt32().ShouldBe(1);
        var conversation = imported.GetProperty("conversations").EnumerateArray().Single();
        conversation.Str("title").ShouldBe("Sourdough schedule");
        conversation.Str("source").ShouldBe("claude");
        conversation.Str("model_id").ShouldBe("anthropic/claude-sonnet-4");
        (await MessagesAsync(user, conversation.Id())).ShouldBe([
            ("user", "Plan a sourdough bake for Saturday morning."),
            ("assistant", "Feed the starter Friday at 20:00.\n\nShape the loaf Saturday at 07:00."),
            ("user", "Thanks!"),
        ]);
    }

    [Fact]
    public async Task a_markdown_transcript_reads_heading_and_bold_labels_and_an_escaped_label_stays_text()
    {
        var user = await app.NewUserAsync();

        var imported = await app.PostAsync(user, Import, new { file = Fixture("transcript.md") }, 201);

        imported.Str("format").ShouldBe("markdown");
        var conversation = imported.GetProperty("conversations")[0];
        conversation.Str("title").ShouldBe("Packing list");
        conversation.Str("source").ShouldBe("markdown");
        (await MessagesAsync(user, conversation.Id())).ShouldBe([
            ("user", "What should I pack for two days of hiking?"),
            ("assistant", "- Water (2 L)\n- A map\n\n## User\nThe line above is text: the backslash keeps it from starting a message."),
            ("user", "And food?"),
            ("assistant", "Nuts and dried fruit."),
        ]);
    }

    [Fact]
    public async Task the_markdown_export_reads_back_through_the_markdown_import_to_the_same_messages()
    {
        var user = await app.NewUserAsync();
        (string Role, string Content)[] messages =
        [
            ("system", "Answer in verse."),
            ("user", "## Assistant\nis a heading I typed, and so is\n\\## User\n**User:** too"),
            ("assistant", "```md\n# User\n```\n\n  indented line\ttab"),
            ("user", ""),
        ];
        var original = (await app.PostAsync(user, "/api/conversations/import",
            new { title = "User", messages = messages.Select(m => new { role = m.Role, content = m.Content }) }, 201)).Id();

        var markdown = await ExportAsync(user, original, "markdown", "text/markdown");
        var reimported = (await app.PostAsync(user, Import, new { file = markdown }, 201)).GetProperty("conversations")[0];

        reimported.Str("title").ShouldBe("User");
        (await MessagesAsync(user, reimported.Id())).ShouldBe(messages);
    }

    [Fact]
    public async Task the_json_export_holds_the_messages_with_their_usage_and_reads_back_through_both_imports()
    {
        var user = await app.NewUserAsync();
        var original = (await app.PostAsync(user, Import, new { file = Fixture("claude-conversations.json") }, 201)).GetProperty("conversations")[0].Id();

        var json = await ExportAsync(user, original, "json", "application/json");
        var export = JsonDocument.Parse(json).RootElement;
        export.Str("source").ShouldBe("claude");
        export.GetProperty("messages")[0].TryGetProperty("created_at", out _).ShouldBeTrue();

        var viaTool = await app.PostAsync(user, "/api/conversations/import", JsonSerializer.Deserialize<JsonElement>(json), 201);
        var viaFile = (await app.PostAsync(user, Import, new { file = json }, 201)).GetProperty("conversations")[0];
        viaFile.Str("source").ShouldBe("json");
        var expected = await MessagesAsync(user, original);
        (await MessagesAsync(user, viaTool.Id())).ShouldBe(expected);
        (await MessagesAsync(user, viaFile.Id())).ShouldBe(expected);
    }

    [Fact]
    public async Task a_broken_chatgpt_export_is_refused_naming_each_place_and_nothing_is_stored()
    {
        var user = await app.NewUserAsync();
        var file = Fixture("chatgpt-conversations.json")
            .Replace("\"role\": \"user\", \"metadata\": {} }, \"content\": { \"content_type\": \"text\", \"parts\": [\"A haiku", "\"role\": \"critic\", \"metadata\": {} }, \"content\": { \"content_type\": \"text\", \"parts\": [\"A haiku")
            .Replace("\"parent\": \"tool-4\"", "\"parent\": \"gone\"");

        var problem = await app.PostAsync(user, Import, new { file, format = "chatgpt" }, 422);

        var errors = problem.GetProperty("errors");
        errors.GetProperty("$[0].mapping[\"gone\"]")[0].GetString().ShouldBe("is named as a parent or current_node but is not in mapping");
        errors.GetProperty("$[1].mapping[\"u1\"].message.author.role")[0].GetString().ShouldBe("is 'critic', expected user, assistant, system or tool");
        problem.Str("detail").ShouldContain("nothing was stored");
        (await app.GetAsync(user, "/api/conversations")).GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Theory]
    [InlineData("Just some notes.\n## User\nhi", "line 1", "text before the first role label")]
    [InlineData("no labels anywhere", "line 1", "text before the first role label")]
    [InlineData("{\"mapping\": 1", "file", "is not valid JSON")]
    [InlineData("[{\"conversation\": []}]", "file", "is JSON but neither a ChatGPT export")]
    [InlineData("[{\"role\": \"tool\", \"content\": \"x\"}]", "$[0]", "role must be one of system, user, assistant")]
    [InlineData("{\"chat_messages\": [{\"sender\": \"robot\", \"text\": \"x\"}]}", "$.chat_messages[0].sender", "is 'robot', expected human or assistant")]
    public async Task an_unreadable_file_is_refused_with_a_422_naming_the_place(string file, string where, string problemStart)
    {
        var user = await app.NewUserAsync();

        var problem = await app.PostAsync(user, Import, new { file }, 422);

        problem.GetProperty("errors").GetProperty(where)[0].GetString()!.ShouldStartWith(problemStart);
        (await app.GetAsync(user, "/api/conversations")).GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task a_message_over_the_size_cap_refuses_the_whole_file()
    {
        var user = await app.NewUserAsync();
        var file = $"## User\nfine\n\n## Assistant\n{new string('x', 1_000_001)}";

        var problem = await app.PostAsync(user, Import, new { file }, 422);

        problem.GetProperty("errors").GetProperty("line 4")[0].GetString().ShouldBe("content must be at most 1,000,000 characters");
        (await app.GetAsync(user, "/api/conversations")).GetProperty("total").GetInt64().ShouldBe(0);
    }

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conversations", "Fixtures", name));

    private async Task<(string Role, string Content)[]> MessagesAsync(TestUser user, string conversationId) =>
        (await app.GetAsync(user, $"/api/conversations/{conversationId}/messages?limit=200")).GetProperty("messages").EnumerateArray()
            .Select(m => (m.Str("role"), m.Str("content"))).ToArray();

    private async Task<string> ExportAsync(TestUser user, string conversationId, string format, string mediaType)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url($"/api/conversations/{conversationId}/export?format={format}");
            s.WithBearerToken(user.Token);
            s.StatusCodeShouldBe(200);
        }).Bounded();
        result.Context.Response.ContentType!.ShouldStartWith(mediaType);
        result.Context.Response.Headers.ContentDisposition.ToString().ShouldStartWith("attachment");
        return await result.ReadAsTextAsync();
    }
}
