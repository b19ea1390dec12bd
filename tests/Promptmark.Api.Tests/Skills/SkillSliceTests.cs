using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Skills;

public sealed class SkillSliceTests(PromptmarkApp app)
{
    private static string SkillMd(string name, string description = "Reviews pull requests for style and bugs.", string body = "# PR reviewer\n\nRead the diff, then comment.") =>
        $"---\nname: {name}\ndescription: {description}\nlicense: MIT\nallowed-tools: Read Grep\n---\n\n{body}\n";

    [Fact]
    public async Task a_skill_is_created_from_skill_md_and_read_back_by_id_or_name()
    {
        var user = await app.NewUserAsync();
        var created = await app.PostAsync(user, "/api/skills", new { content = SkillMd("pr-reviewer"), tags = new[] { "code" } }, 201);
        created.Str("name").ShouldBe("pr-reviewer");
        created.Str("title").ShouldBe("PR reviewer");
        created.Str("icon_emoji").ShouldBe("✨");
        created.GetProperty("version").GetInt32().ShouldBe(1);

        var byId = await app.GetAsync(user, $"/api/skills/lookup?id={created.Id()}");
        byId.Str("content").ShouldStartWith("---\nname: pr-reviewer\n");
        (await app.GetAsync(user, "/api/skills/lookup?name=pr-reviewer")).Id().ShouldBe(created.Id());
        await app.GetAsync(user, "/api/skills/lookup?name=nope", 404);
        (await app.GetAsync(user, "/api/skills/lookup", 400)).GetProperty("errors").TryGetProperty("id", out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("---\nname: Bad Name\ndescription: d\n---\nbody", "content.name")]
    [InlineData("---\nname: ok-name\n---\nbody", "content.description")]
    [InlineData("no front matter at all", "content.front-matter")]
    public async Task invalid_skill_md_is_refused_with_the_problem_named(string content, string field)
    {
        var user = await app.NewUserAsync();
        var problem = await app.PostAsync(user, "/api/skills", new { content }, 400);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.GetRawText());
    }

    [Fact]
    public async Task names_are_unique_per_user()
    {
        var user = await app.NewUserAsync();
        await app.PostAsync(user, "/api/skills", new { content = SkillMd("twin") }, 201);
        await app.PostAsync(user, "/api/skills", new { content = SkillMd("twin") }, 409);
        var other = await app.NewUserAsync();
        await app.PostAsync(other, "/api/skills", new { content = SkillMd("twin") }, 201);
    }

    [Fact]
    public async Task updating_snapshots_the_previous_state_and_takes_name_from_the_new_content()
    {
        var user = await app.NewUserAsync();
        var created = await app.PostAsync(user, "/api/skills", new { content = SkillMd("writer"), title = "Writer" }, 201);
        var updated = await app.PutAsync(user, $"/api/skills/{created.Id()}", new { content = SkillMd("copy-writer", "Writes copy."), is_draft = true });
        updated.Str("name").ShouldBe("copy-writer");
        updated.Str("description").ShouldBe("Writes copy.");
        updated.Str("title").ShouldBe("Writer");
        updated.GetProperty("is_draft").GetBoolean().ShouldBeTrue();
        updated.GetProperty("version").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task skills_are_listed_searched_and_soft_deleted()
    {
        var user = await app.NewUserAsync();
        var a = await app.PostAsync(user, "/api/skills", new { content = SkillMd("sql-helper", "Writes SQL queries.") }, 201);
        await app.PostAsync(user, "/api/skills", new { content = SkillMd("poet", "Writes poems.") }, 201);
        (await app.GetAsync(user, "/api/skills")).GetProperty("total").GetInt64().ShouldBe(2);
        (await app.GetAsync(user, "/api/skills/search?query=sql")).GetProperty("skills")[0].Str("name").ShouldBe("sql-helper");
        (await app.GetAsync(user, "/api/skills?page=2&page_size=1")).GetProperty("skills").GetArrayLength().ShouldBe(1);
        await app.DeleteAsync(user, $"/api/skills/{a.Id()}");
        (await app.GetAsync(user, "/api/skills")).GetProperty("total").GetInt64().ShouldBe(1);
        await app.GetAsync(user, $"/api/skills/lookup?id={a.Id()}", 404);
        await app.PostAsync(user, "/api/skills", new { content = SkillMd("sql-helper") }, 201);
    }

    [Fact]
    public async Task a_skill_is_scanned_and_its_findings_are_kept()
    {
        var user = await app.NewUserAsync();
        var created = await app.PostAsync(user, "/api/skills", new
        {
            content = SkillMd("leaky", body: "# Leaky\n\nUse the key ghp_1A2b3C4d5E6f7G8h9I0jK1l2M3n4O5p6Q7r8 to call GitHub."),
        }, 201);
        var finding = created.GetProperty("findings").EnumerateArray().ShouldHaveSingleItem();
        finding.Str("category").ShouldBe("secrets");
        created.GetRawText().ShouldNotContain("ghp_1A2b3C4d5E6f7G8h9I0jK1l2M3n4O5p6Q7r8\"");
    }

    [Fact]
    public async Task skills_work_over_mcp_and_non_drafts_are_resources()
    {
        var user = await app.NewUserAsync();
        await using var mcp = await app.McpClientAsync(user);
        var created = await mcp.CallJsonAsync("create_skill", new { content = SkillMd("helper"), tags = new[] { "a" } });
        await mcp.CallJsonAsync("create_skill", new { content = SkillMd("drafty"), is_draft = true });
        var text = await mcp.CallAsync("get_skill", new { name = "helper" });
        McpCalls.Text(text).ShouldStartWith("---\nname: helper\n");
        (await mcp.CallJsonAsync("list_skills", new { search = "help" })).GetProperty("total").GetInt64().ShouldBe(1);
        (await mcp.CallJsonAsync("search_skills", new { query = "draft" })).GetProperty("total").GetInt64().ShouldBe(1);
        (await mcp.CallJsonAsync("update_skill", new { id = created.Id(), content = SkillMd("helper", "Helps more.") })).GetProperty("version").GetInt32().ShouldBe(2);
        (await mcp.CallErrorAsync("create_skill", new { content = "---\nname: -bad-\ndescription: d\n---\n" })).ShouldContain("content.name");

        var resources = await mcp.ListResourcesAsync(cancellationToken: TestContext.Current.CancellationToken);
        resources.Select(r => r.Uri).ShouldBe(["skill://helper"]);
        var read = await mcp.ReadResourceAsync("skill://helper", cancellationToken: TestContext.Current.CancellationToken);
        ((TextResourceContents)read.Contents.Single()).Text.ShouldContain("description: Helps more.");
        await Should.ThrowAsync<McpProtocolException>(() => mcp.ReadResourceAsync("skill://drafty", cancellationToken: TestContext.Current.CancellationToken).AsTask());

        (await mcp.CallJsonAsync("delete_skill", new { id = created.Id() })).GetProperty("success").GetBoolean().ShouldBeTrue();
        (await mcp.ListResourcesAsync(cancellationToken: TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }
}
