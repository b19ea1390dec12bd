using Alba;
using System.Text.Json;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Mcp;

public sealed class OpenApiTests(PromptmarkApp app)
{
    [Fact]
    public async Task every_rest_route_is_documented_with_a_summary_and_its_area_tag()
    {
        var document = await (await app.Host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsJsonAsync<JsonElement>();
        var paths = document.GetProperty("paths");
        foreach (var slice in SliceCatalog.Instance.Slices)
        {
            var operation = paths.GetProperty(slice.Binding.Route).GetProperty(slice.Binding.Verb.ToLowerInvariant());
            operation.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace(slice.Binding.Route);
            operation.GetProperty("tags")[0].GetString().ShouldBe(slice.Area);
        }
        paths.TryGetProperty("/api/auth/login", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task slice_inputs_are_documented_as_path_query_and_body()
    {
        var document = await (await app.Host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsJsonAsync<JsonElement>();
        var paths = document.GetProperty("paths");
        string[] Parameters(string path, string verb, string location) =>
            paths.GetProperty(path).GetProperty(verb).GetProperty("parameters").EnumerateArray()
                .Where(p => p.GetProperty("in").GetString() == location).Select(p => p.GetProperty("name").GetString()!).ToArray();

        Parameters("/api/prompts", "get", "query").ShouldBe(["search", "tag", "collection_id", "type_id", "is_template", "is_remix", "limit", "offset"]);
        Parameters("/api/prompts/{id}", "patch", "path").ShouldBe(["id"]);
        var body = paths.GetProperty("/api/prompts/{id}").GetProperty("patch").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");
        body.GetProperty("properties").TryGetProperty("title", out _).ShouldBeTrue();
        body.GetProperty("properties").TryGetProperty("id", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task the_scalar_explorer_is_served()
    {
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/scalar/");
            s.StatusCodeShouldBe(200);
            s.ContentShouldContain("openapi/v1.json");
        });
    }
}
