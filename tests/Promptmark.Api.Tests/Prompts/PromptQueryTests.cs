using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Prompts;

public sealed class PromptQueryTests(PromptmarkApp app)
{
    private async Task<TestUser> UserWithLibraryAsync()
    {
        var user = await app.NewUserAsync();
        await app.CreatePromptAsync(user, new { title = "Tide tables", prompt = "Explain tides for {{place}}", tags = new[] { "Ocean", "science" }, type_id = "query" });
        await app.CreatePromptAsync(user, new { title = "Haiku writer", prompt = "Write a haiku about the sea", tags = new[] { "poetry", "ocean" } });
        await app.CreatePromptAsync(user, new { title = "SQL helper", prompt = "Write SQL for {{question:text}}", tags = new[] { "coding" }, type_id = "text-to-code", is_public = true, notes = "uses postgres dialect" });
        return user;
    }

    private static IEnumerable<string> Titles(System.Text.Json.JsonElement page) =>
        page.GetProperty("prompts").EnumerateArray().Select(p => p.Str("title"));

    [Fact]
    public async Task listing_returns_newest_first_with_the_total()
    {
        var user = await UserWithLibraryAsync();
        var page = await app.GetAsync(user, "/api/prompts");
        Titles(page).ShouldBe(["SQL helper", "Haiku writer", "Tide tables"]);
        page.GetProperty("total").GetInt64().ShouldBe(3);
        page.GetProperty("limit").GetInt32().ShouldBe(50);
    }

    [Theory]
    [InlineData("search=haiku", new[] { "Haiku writer" })]
    [InlineData("search=TIDES", new[] { "Tide tables" })]
    [InlineData("tag=ocean", new[] { "Haiku writer", "Tide tables" })]
    [InlineData("type_id=text-to-code", new[] { "SQL helper" })]
    [InlineData("is_template=true", new[] { "SQL helper", "Tide tables" })]
    [InlineData("is_template=false", new[] { "Haiku writer" })]
    public async Task listing_filters(string query, string[] expected)
    {
        var user = await UserWithLibraryAsync();
        Titles(await app.GetAsync(user, "/api/prompts?" + query)).ShouldBe(expected);
    }

    [Fact]
    public async Task listing_pages_with_limit_and_offset()
    {
        var user = await UserWithLibraryAsync();
        var page = await app.GetAsync(user, "/api/prompts?limit=1&offset=1");
        Titles(page).ShouldBe(["Haiku writer"]);
        page.GetProperty("total").GetInt64().ShouldBe(3);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("offset=-1")]
    public async Task listing_refuses_out_of_range_paging(string query)
    {
        var user = await app.NewUserAsync();
        await app.GetAsync(user, "/api/prompts?" + query, 400);
    }

    [Fact]
    public async Task search_ranks_full_text_matches_over_title_content_and_notes()
    {
        var user = await UserWithLibraryAsync();
        Titles(await app.GetAsync(user, "/api/prompts/search?query=postgres")).ShouldBe(["SQL helper"]);
        Titles(await app.GetAsync(user, "/api/prompts/search?query=sea")).ShouldBe(["Haiku writer"]);
        Titles(await app.GetAsync(user, "/api/prompts/search?query=tide")).ShouldBe(["Tide tables"]);
    }

    [Fact]
    public async Task search_tags_must_all_match_and_visibility_filters()
    {
        var user = await UserWithLibraryAsync();
        Titles(await app.GetAsync(user, "/api/prompts/search?tags=ocean,science")).ShouldBe(["Tide tables"]);
        Titles(await app.GetAsync(user, "/api/prompts/search?is_public=true")).ShouldBe(["SQL helper"]);
        Titles(await app.GetAsync(user, "/api/prompts/search?query=write&is_public=false")).ShouldBe(["Haiku writer"]);
    }

    [Fact]
    public async Task tags_are_listed_once_whatever_their_case_with_counts_on_request()
    {
        var user = await UserWithLibraryAsync();
        var plain = await app.GetAsync(user, "/api/tags");
        plain.GetProperty("tags")[0].Str("name").ToLowerInvariant().ShouldBe("ocean");
        plain.GetProperty("tags")[0].GetProperty("count").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        plain.GetProperty("total").GetInt32().ShouldBe(4);

        var counted = await app.GetAsync(user, "/api/tags?include_counts=true&limit=2");
        counted.GetProperty("tags").GetArrayLength().ShouldBe(2);
        counted.GetProperty("tags")[0].GetProperty("count").GetInt32().ShouldBe(2);
    }
}
