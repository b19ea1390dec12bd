using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Prompts;

public sealed class PromptLifecycleTests(PromptmarkApp app)
{
    [Fact]
    public async Task creating_a_prompt_stores_every_field()
    {
        var user = await app.NewUserAsync();
        var created = await app.CreatePromptAsync(user, new
        {
            title = "  Code reviewer  ", prompt = "Review {{language:enum:go,rust}} code", notes = "for PRs",
            is_public = true, is_remixable = true, tags = new[] { "coding", "Review", "coding" },
            type_id = "system", models = new[] { "anthropic/claude-sonnet-4" }, self_rating = 4,
        });
        created.Str("title").ShouldBe("Code reviewer");
        created.Str("prompt").ShouldBe("Review {{language:enum:go,rust}} code");
        created.Str("notes").ShouldBe("for PRs");
        created.GetProperty("is_public").GetBoolean().ShouldBeTrue();
        created.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["coding", "Review"]);
        created.Str("type_id").ShouldBe("system");
        created.GetProperty("is_template").GetBoolean().ShouldBeTrue();
        created.GetProperty("self_rating").GetDouble().ShouldBe(4);
        created.GetProperty("version").GetInt32().ShouldBe(1);

        var read = await app.GetAsync(user, $"/api/prompts/{created.Id()}");
        read.GetRawText().ShouldBe(created.GetRawText());
    }

    [Fact]
    public async Task tags_and_models_may_be_sent_as_a_string_holding_a_json_array()
    {
        var user = await app.NewUserAsync();
        var created = await app.CreatePromptAsync(user, new { title = "t", prompt = "p", tags = "[\"ai\", \"coding\"]", models = "[\"openai/gpt-4o\"]" });
        created.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["ai", "coding"]);
        created.GetProperty("models")[0].GetString().ShouldBe("openai/gpt-4o");
    }

    [Fact]
    public async Task a_prompt_without_variables_is_not_a_template_and_defaults_to_general()
    {
        var user = await app.NewUserAsync();
        var created = await app.CreatePromptAsync(user, new { title = "Plain", prompt = "Summarise this text." });
        created.GetProperty("is_template").GetBoolean().ShouldBeFalse();
        created.Str("type_id").ShouldBe("general");
        created.GetProperty("is_public").GetBoolean().ShouldBeFalse();
    }

    [Theory]
    [InlineData("title", "")]
    [InlineData("type_id", "poem")]
    [InlineData("self_rating", 6)]
    [InlineData("tags", "[\"has space\"]")]
    public async Task invalid_fields_are_refused_with_the_field_named(string field, object value)
    {
        var user = await app.NewUserAsync();
        var body = new Dictionary<string, object> { ["title"] = "ok", ["prompt"] = "ok", [field] = value };
        var problem = await app.PostAsync(user, "/api/prompts", body, 400);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.GetRawText());
    }

    [Fact]
    public async Task every_problem_is_reported_at_once()
    {
        var user = await app.NewUserAsync();
        var problem = await app.PostAsync(user, "/api/prompts", new { title = new string('x', 201), type_id = "poem", self_rating = -1 }, 400);
        var errors = problem.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["title", "prompt", "type_id", "self_rating"], ignoreOrder: true);
        errors.GetProperty("prompt")[0].GetString().ShouldBe("is required");
    }

    [Fact]
    public async Task content_over_100000_characters_is_refused_and_nothing_is_stored()
    {
        var user = await app.NewUserAsync();
        await app.PostAsync(user, "/api/prompts", new { title = "big", prompt = new string('a', 100_001) }, 400);
        (await app.GetAsync(user, "/api/prompts")).GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task assigning_a_collection_that_does_not_exist_is_not_found()
    {
        var user = await app.NewUserAsync();
        var problem = await app.PostAsync(user, "/api/prompts", new { title = "t", prompt = "p", collection_id = Guid.NewGuid() }, 404);
        problem.Str("detail").ShouldBe("collection not found");
    }

    [Fact]
    public async Task updating_changes_only_the_given_fields()
    {
        var user = await app.NewUserAsync();
        var created = await app.CreatePromptAsync(user, new { title = "Before", prompt = "Body", tags = new[] { "a" }, self_rating = 3 });
        var updated = await app.PatchAsync(user, $"/api/prompts/{created.Id()}", new { is_public = true });
        updated.Str("title").ShouldBe("Before");
        updated.GetProperty("tags")[0].GetString().ShouldBe("a");
        updated.GetProperty("self_rating").GetDouble().ShouldBe(3);
        updated.GetProperty("is_public").GetBoolean().ShouldBeTrue();
        updated.GetProperty("version").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task changing_title_content_or_notes_keeps_the_previous_state_as_a_numbered_version()
    {
        var user = await app.NewUserAsync();
        var created = await app.CreatePromptAsync(user, new { title = "v1", prompt = "first" });
        var id = created.Id();
        (await app.PatchAsync(user, $"/api/prompts/{id}", new { prompt = "second" })).GetProperty("version").GetInt32().ShouldBe(2);
        (await app.PatchAsync(user, $"/api/prompts/{id}", new { notes = "a note" })).GetProperty("version").GetInt32().ShouldBe(3);
        (await app.PatchAsync(user, $"/api/prompts/{id}", new { prompt = "second", tags = new[] { "x" } })).GetProperty("version").GetInt32().ShouldBe(3);

        var store = app.Host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession(user.Id.ToString());
        var versions = await session.Query<Promptmark.Api.Features.Versions.PromptVersion>()
            .Where(v => v.PromptId == Guid.Parse(id)).OrderBy(v => v.Number).ToListAsync(TestContext.Current.CancellationToken);
        versions.Select(v => (v.Number, v.Content, v.Notes)).ShouldBe([(1, "first", null), (2, "second", null)]);
    }

    [Fact]
    public async Task an_empty_collection_id_removes_the_prompt_from_its_collection()
    {
        var user = await app.NewUserAsync();
        var created = await app.CreatePromptAsync(user, new { title = "t", prompt = "p" });
        var updated = await app.PatchAsync(user, $"/api/prompts/{created.Id()}", new { collection_id = "" });
        updated.GetProperty("collection_id").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task a_deleted_prompt_disappears_from_every_read()
    {
        var user = await app.NewUserAsync();
        var created = await app.CreatePromptAsync(user, new { title = "Doomed prompt", prompt = "gone {{soon}}", tags = new[] { "doomed" } });
        var id = created.Id();
        (await app.DeleteAsync(user, $"/api/prompts/{id}")).GetProperty("success").GetBoolean().ShouldBeTrue();

        await app.GetAsync(user, $"/api/prompts/{id}", 404);
        await app.GetAsync(user, $"/api/prompts/{id}/schema", 404);
        await app.PostAsync(user, $"/api/prompts/{id}/render", new { variables = new { soon = "x" } }, 404);
        await app.PatchAsync(user, $"/api/prompts/{id}", new { title = "back" }, 404);
        await app.DeleteAsync(user, $"/api/prompts/{id}", 404);
        (await app.GetAsync(user, "/api/prompts")).GetProperty("total").GetInt64().ShouldBe(0);
        (await app.GetAsync(user, "/api/prompts/search?query=doomed")).GetProperty("prompts").GetArrayLength().ShouldBe(0);
        (await app.GetAsync(user, "/api/tags")).GetProperty("tags").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task a_malformed_id_is_simply_not_found()
    {
        var user = await app.NewUserAsync();
        (await app.GetAsync(user, "/api/prompts/not-a-uuid", 404)).Str("detail").ShouldBe("prompt not found");
    }

    [Fact]
    public async Task a_remix_records_its_source_and_the_sources_author()
    {
        var author = await app.NewUserAsync();
        var remixer = await app.NewUserAsync();
        var source = await app.CreatePromptAsync(author, new { title = "Original", prompt = "Be {{tone}}", is_public = true, is_remixable = true });
        var remix = await app.CreatePromptAsync(remixer, new { title = "My take", prompt = "Be very {{tone}}", remixed_id = source.Id() });
        remix.Str("remixed_id").ShouldBe(source.Id());
        remix.Str("remixed_from_author_id").ShouldBe(author.Id.ToString());
        (await app.GetAsync(remixer, "/api/prompts?is_remix=true")).GetProperty("total").GetInt64().ShouldBe(1);
        (await app.GetAsync(remixer, "/api/prompts?is_remix=false")).GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task remixing_a_private_or_non_remixable_prompt_of_someone_else_is_not_found()
    {
        var author = await app.NewUserAsync();
        var remixer = await app.NewUserAsync();
        var privateOne = await app.CreatePromptAsync(author, new { title = "Private", prompt = "p" });
        var publicOnly = await app.CreatePromptAsync(author, new { title = "Public", prompt = "p", is_public = true });
        await app.PostAsync(remixer, "/api/prompts", new { title = "t", prompt = "p", remixed_id = privateOne.Id() }, 404);
        await app.PostAsync(remixer, "/api/prompts", new { title = "t", prompt = "p", remixed_id = publicOnly.Id() }, 404);
    }
}
