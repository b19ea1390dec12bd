using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Versions;

/// <summary>Each state says what changed in it, and a restored state says where it came from.</summary>
public sealed class VersionNoteTests(PromptmarkApp app)
{
    [Fact]
    public async Task a_note_saved_with_a_change_goes_into_the_history_with_that_state()
    {
        var user = await app.NewUserAsync();
        var id = (await app.CreatePromptAsync(user, new { title = "Reply", prompt = "Be brief." })).Id();
        await app.PatchAsync(user, $"/api/prompts/{id}", new { prompt = "Be brief and kind.", version_note = "  Softer tone  " });
        await app.PatchAsync(user, $"/api/prompts/{id}", new { prompt = "Be brief, kind and exact." });

        var history = await app.GetAsync(user, $"/api/prompts/{id}/versions");

        history.GetProperty("current_note").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        var versions = history.GetProperty("versions").EnumerateArray().ToList();
        versions.Select(v => v.GetProperty("number").GetInt32()).ShouldBe([2, 1]);
        versions[0].Str("note").ShouldBe("Softer tone");
        versions[1].GetProperty("note").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (await app.GetAsync(user, $"/api/versions/{versions[0].Id()}")).Str("note").ShouldBe("Softer tone");
    }

    [Fact]
    public async Task a_note_without_a_change_of_text_rewrites_the_current_states_note()
    {
        var user = await app.NewUserAsync();
        var id = (await app.CreatePromptAsync(user, new { title = "Reply", prompt = "Be brief." })).Id();

        await app.PatchAsync(user, $"/api/prompts/{id}", new { version_note = "First draft" });

        var history = await app.GetAsync(user, $"/api/prompts/{id}/versions");
        history.Str("current_note").ShouldBe("First draft");
        history.GetProperty("current_version").GetInt32().ShouldBe(1);
        history.GetProperty("versions").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task a_restored_state_says_which_version_it_came_from()
    {
        var user = await app.NewUserAsync();
        var id = (await app.CreatePromptAsync(user, new { title = "Reply", prompt = "Be brief." })).Id();
        await app.PatchAsync(user, $"/api/prompts/{id}", new { prompt = "Be long." });
        var first = (await app.GetAsync(user, $"/api/prompts/{id}/versions")).GetProperty("versions")[0];

        await app.PostAsync(user, $"/api/prompts/{id}/versions/{first.Id()}/restore", new { });
        await app.PatchAsync(user, $"/api/prompts/{id}", new { prompt = "Be brief, again." });

        var versions = (await app.GetAsync(user, $"/api/prompts/{id}/versions")).GetProperty("versions");
        versions[0].GetProperty("number").GetInt32().ShouldBe(3);
        versions[0].GetProperty("restored_from").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task a_note_longer_than_500_characters_is_refused_and_nothing_changes()
    {
        var user = await app.NewUserAsync();
        var id = (await app.CreatePromptAsync(user, new { title = "Reply", prompt = "Be brief." })).Id();

        var problem = await app.PatchAsync(user, $"/api/prompts/{id}", new { prompt = "Changed", version_note = new string('n', 501) }, 400);

        problem.GetProperty("errors").GetProperty("version_note")[0].GetString().ShouldBe("must be at most 500 characters");
        (await app.GetAsync(user, $"/api/prompts/{id}")).Str("prompt").ShouldBe("Be brief.");
    }
}
