using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Prompts;

public sealed class TemplateSliceTests(PromptmarkApp app)
{
    private const string Content = "Write a {{tone:enum:formal,casual:casual}} {{kind}} about {{topic:text}} in {{words:number:100}} words. Mind {{1bad}}. Again: {{topic}}";

    private async Task<(TestUser User, string Id)> TemplateAsync()
    {
        var user = await app.NewUserAsync();
        var created = await app.CreatePromptAsync(user, new { title = "Writer", prompt = Content });
        return (user, created.Id());
    }

    [Fact]
    public async Task the_schema_lists_variables_in_order_with_types_defaults_and_options()
    {
        var (user, id) = await TemplateAsync();
        var schema = await app.GetAsync(user, $"/api/prompts/{id}/schema");
        schema.GetProperty("is_template").GetBoolean().ShouldBeTrue();
        var variables = schema.GetProperty("variables").EnumerateArray().ToList();
        variables.Select(v => v.Str("name")).ShouldBe(["tone", "kind", "topic", "words"]);
        variables.Select(v => v.Str("type")).ShouldBe(["enum", "string", "text", "number"]);
        variables.Select(v => v.GetProperty("required").GetBoolean()).ShouldBe([false, true, true, false]);
        variables[0].GetProperty("options").EnumerateArray().Select(o => o.GetString()).ShouldBe(["formal", "casual"]);
        variables[3].Str("default").ShouldBe("100");
        schema.GetProperty("warnings")[0].Str("text").ShouldBe("{{1bad}}");
    }

    [Fact]
    public async Task unsaved_content_reads_exactly_as_its_saved_schema_and_nothing_is_stored()
    {
        var (user, id) = await TemplateAsync();
        var saved = await app.GetAsync(user, $"/api/prompts/{id}/schema");

        var draft = await app.PostAsync(user, "/api/templates/schema", new { content = Content });

        draft.GetProperty("variables").GetRawText().ShouldBe(saved.GetProperty("variables").GetRawText());
        draft.GetProperty("warnings").GetRawText().ShouldBe(saved.GetProperty("warnings").GetRawText());
        draft.GetProperty("is_template").GetBoolean().ShouldBeTrue();
        (await app.GetAsync(user, "/api/prompts")).GetProperty("total").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task an_editor_that_is_still_empty_reads_as_content_without_variables()
    {
        var user = await app.NewUserAsync();
        var schema = await app.PostAsync(user, "/api/templates/schema", new { content = "" });
        schema.GetProperty("is_template").GetBoolean().ShouldBeFalse();
        schema.GetProperty("variables").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task unsaved_content_longer_than_a_prompt_may_be_is_refused()
    {
        var user = await app.NewUserAsync();
        var problem = await app.PostAsync(user, "/api/templates/schema", new { content = new string('x', 100_001) }, 400);
        problem.GetProperty("errors").GetProperty("content")[0].GetString().ShouldBe("must be at most 100,000 characters");
    }

    [Fact]
    public async Task validating_lists_every_problem_at_once_and_unknown_variables_as_warnings()
    {
        var (user, id) = await TemplateAsync();
        var result = await app.PostAsync(user, $"/api/prompts/{id}/validate",
            new { variables = new { tone = "angry", words = "many", extra = "x" } });
        result.GetProperty("valid").GetBoolean().ShouldBeFalse();
        result.GetProperty("errors").EnumerateArray().Select(e => e.Str("variable")).ShouldBe(["tone", "kind", "topic", "words"]);
        result.GetProperty("warnings")[0].Str("variable").ShouldBe("extra");
    }

    [Fact]
    public async Task validating_good_inputs_is_valid()
    {
        var (user, id) = await TemplateAsync();
        var result = await app.PostAsync(user, $"/api/prompts/{id}/validate", new { variables = new { kind = "poem", topic = "tides" } });
        result.GetProperty("valid").GetBoolean().ShouldBeTrue();
        result.GetProperty("errors").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task validating_needs_the_variables_object()
    {
        var (user, id) = await TemplateAsync();
        var problem = await app.PostAsync(user, $"/api/prompts/{id}/validate", new { }, 400);
        problem.GetProperty("errors").GetProperty("variables")[0].GetString().ShouldBe("is required");
        await app.PostAsync(user, $"/api/prompts/{id}/validate", new { variables = new[] { 1, 2 } }, 400);
    }

    [Fact]
    public async Task rendering_substitutes_values_and_defaults_and_keeps_invalid_text()
    {
        var (user, id) = await TemplateAsync();
        var rendered = await app.PostAsync(user, $"/api/prompts/{id}/render", new { variables = new { kind = "poem", topic = "tides", words = 12 } });
        rendered.Str("rendered").ShouldBe("Write a casual poem about tides in 12 words. Mind {{1bad}}. Again: tides");
    }

    [Fact]
    public async Task rendering_fails_when_a_required_variable_is_missing()
    {
        var (user, id) = await TemplateAsync();
        var problem = await app.PostAsync(user, $"/api/prompts/{id}/render", new { variables = new { kind = "poem" } }, 422);
        problem.GetProperty("errors")[0].Str("variable").ShouldBe("topic");
        problem.Str("detail").ShouldContain("topic");
    }

    [Fact]
    public async Task variables_may_arrive_as_a_string_holding_a_json_object()
    {
        var (user, id) = await TemplateAsync();
        var rendered = await app.PostAsync(user, $"/api/prompts/{id}/render", new { variables = "{\"kind\":\"song\",\"topic\":\"rain\"}" });
        rendered.Str("rendered").ShouldStartWith("Write a casual song about rain in 100 words.");
    }

    [Fact]
    public async Task another_users_public_template_can_be_rendered_but_not_changed()
    {
        var author = await app.NewUserAsync();
        var reader = await app.NewUserAsync();
        var created = await app.CreatePromptAsync(author, new { title = "Shared", prompt = "Hello {{name}}", is_public = true, notes = "secret note" });
        var read = await app.GetAsync(reader, $"/api/prompts/{created.Id()}");
        read.GetProperty("notes").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        read.GetProperty("is_owner").GetBoolean().ShouldBeFalse();
        (await app.PostAsync(reader, $"/api/prompts/{created.Id()}/render", new { variables = new { name = "Ada" } })).Str("rendered").ShouldBe("Hello Ada");
        await app.PatchAsync(reader, $"/api/prompts/{created.Id()}", new { title = "mine now" }, 404);
        await app.DeleteAsync(reader, $"/api/prompts/{created.Id()}", 404);
    }
}
