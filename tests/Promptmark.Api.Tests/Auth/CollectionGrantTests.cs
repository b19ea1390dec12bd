using System.Text.Json;
using System.Text.RegularExpressions;
using ModelContextProtocol;
using Promptmark.Api.Infrastructure.Json;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Auth;

/// <summary>
/// A key restricted to chosen collections sees and touches only their prompts, through both doors; what lies outside
/// answers as for a stranger (404, absent from lists), and every feature that does not honour the grant refuses it (403).
/// </summary>
public sealed partial class CollectionGrantTests(PromptmarkApp app)
{
    private const string Refusal = "restricted to chosen collections";

    [Fact]
    public void only_the_prompt_reads_renders_the_collection_list_and_create_prompt_honour_grants()
    {
        SliceCatalog.Instance.Slices.Where(s => s.Binding.WithinCollectionGrants).Select(s => s.Request.Name)
            .ShouldBe(["ListCollections", "CreatePrompt", "GetPrompt", "ListPrompts", "RenderPrompt"], ignoreOrder: true);
    }

    [Fact]
    public async Task a_key_is_restricted_only_to_collections_of_its_owner()
    {
        var owner = await app.NewUserAsync();
        var stranger = await app.NewUserAsync();
        var theirs = (await app.PostAsync(stranger, "/api/collections", new { name = "Theirs" }, 201)).Id();
        var mine = (await app.PostAsync(owner, "/api/collections", new { name = "Mine" }, 201)).Id();

        (await app.PostAsync(owner, "/api/keys", new { name = "k", collection_ids = new[] { mine, theirs } }, 404))
            .Str("detail").ShouldContain("collection not found");
        (await app.PostAsync(owner, "/api/keys", new { name = "k", collection_ids = new[] { "nope" } }, 400))
            .GetProperty("errors").GetProperty("collection_ids")[0].GetString().ShouldBe("each must be a collection ID");
        (await app.PostAsync(owner, "/api/keys", new { name = "k", collection_ids = Array.Empty<string>() }, 400))
            .GetProperty("errors").GetProperty("collection_ids")[0].GetString().ShouldStartWith("must name at least one collection");
        (await app.GetAsync(owner, "/api/keys")).GetProperty("keys").GetArrayLength().ShouldBe(0);

        (await app.PostAsync(owner, "/api/keys", new { name = "k", collection_ids = new[] { mine } }, 201))
            .GetProperty("collection_ids")[0].GetString().ShouldBe(mine);
        var listed = (await app.GetAsync(owner, "/api/keys")).GetProperty("keys")[0];
        listed.GetProperty("collection_ids").EnumerateArray().Select(c => c.GetString()).ShouldBe([mine]);
        (await app.PostAsync(owner, "/api/keys", new { name = "all" }, 201)).GetProperty("collection_ids").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task over_rest_a_restricted_key_sees_only_its_collections_prompts()
    {
        var world = await WorldAsync();
        var key = world.Key;

        var page = await app.GetAsync(key, "/api/prompts");
        page.GetProperty("total").GetInt64().ShouldBe(1);
        page.GetProperty("prompts")[0].Id().ShouldBe(world.Inside);
        (await app.GetAsync(key, $"/api/prompts?collection_id={world.Outside}")).GetProperty("total").GetInt64().ShouldBe(0);
        (await app.GetAsync(key, $"/api/prompts/{world.Inside}")).Str("title").ShouldBe("Inside");
        await app.GetAsync(key, $"/api/prompts/{world.OutsidePrompt}", 404);
        await app.GetAsync(key, $"/api/prompts/{world.Loose}", 404);
        await app.GetAsync(key, $"/api/prompts/{world.OthersPublic}", 404);
        (await app.PostAsync(key, $"/api/prompts/{world.Inside}/render", new { variables = new { name = "Ada" } })).Str("rendered").ShouldBe("Hi Ada");
        await app.PostAsync(key, $"/api/prompts/{world.OutsidePrompt}/render", new { variables = new { name = "Ada" } }, 404);

        var collections = (await app.GetAsync(key, "/api/collections")).GetProperty("collections");
        collections.GetArrayLength().ShouldBe(1);
        collections[0].Id().ShouldBe(world.Granted);
        collections[0].GetProperty("prompt_count").GetInt32().ShouldBe(1);

        (await app.PostAsync(key, "/api/prompts", new { title = "Loose", prompt = "x" }, 422)).Str("detail").ShouldContain("only create prompts in the collections");
        await app.PostAsync(key, "/api/prompts", new { title = "Elsewhere", prompt = "x", collection_id = world.Outside }, 422);
        await app.PostAsync(key, "/api/prompts", new { title = "Filed", prompt = "x", collection_id = world.Granted }, 201);
        await app.PostAsync(key, "/api/prompts", new { title = "Remix", prompt = "x", collection_id = world.Granted, remixed_id = world.OthersPublic }, 404);
        (await app.GetAsync(world.Owner, "/api/prompts")).GetProperty("total").GetInt64().ShouldBe(4);
    }

    [Fact]
    public async Task every_rest_route_that_does_not_honour_grants_refuses_a_restricted_key()
    {
        var key = (await WorldAsync()).Key;
        var refused = new List<string>();
        foreach (var slice in SliceCatalog.Instance.Slices.Where(s => !s.Binding.WithinCollectionGrants && !s.Binding.Anonymous))
        {
            // "1" fits every route parameter's type (ids are strings, version numbers whole numbers); the refusal comes first.
            var route = RouteParameter().Replace(slice.Binding.Route, "1");
            var verb = new HttpMethod(slice.Binding.Verb);
            var problem = await Support.Api.SendAsync(app.Host, key, verb, route, BodyNamingAField(slice), 403);
            problem.Str("error").ShouldBe("outside_collection_grants", $"{verb} {route}");
            refused.Add(slice.Request.Name);
        }
        refused.ShouldContain("ListSkills");
        refused.ShouldContain("CreateApiKey");
    }

    [Fact]
    public async Task over_mcp_a_restricted_key_sees_only_its_collections_prompts_and_templates()
    {
        var world = await WorldAsync();
        var ct = TestContext.Current.CancellationToken;
        await using var mcp = await app.McpClientAsync(world.Key);

        (await mcp.CallJsonAsync("list_prompts")).GetProperty("prompts").EnumerateArray().Select(p => p.Id()).ShouldBe([world.Inside]);
        (await mcp.CallJsonAsync("get_prompt", new { id = world.Inside })).Str("title").ShouldBe("Inside");
        (await mcp.CallErrorAsync("get_prompt", new { id = world.OutsidePrompt })).ShouldContain("not found");
        (await mcp.CallErrorAsync("render_prompt", new { id = world.OutsidePrompt, variables = new { name = "Ada" } })).ShouldContain("not found");
        (await mcp.CallJsonAsync("list_collections")).GetProperty("collections").GetArrayLength().ShouldBe(1);
        (await mcp.CallErrorAsync("list_skills")).ShouldContain(Refusal);

        var templates = await mcp.ListPromptsAsync(cancellationToken: ct);
        templates.Select(t => t.Title).ShouldBe(["Inside"]);
        await mcp.GetPromptAsync(templates[0].Name, new Dictionary<string, object?> { ["name"] = "Ada" }, cancellationToken: ct);
        var outside = TemplateName(world.OutsidePrompt, "Outside");
        (await Should.ThrowAsync<McpProtocolException>(() => mcp.GetPromptAsync(outside, new Dictionary<string, object?> { ["name"] = "Ada" }, cancellationToken: ct).AsTask()))
            .Message.ShouldContain("not found");

        var tools = await mcp.ListToolsAsync(cancellationToken: ct);
        tools.ShouldNotContain(t => t.Name == "outside");
        (await Should.ThrowAsync<McpProtocolException>(() => mcp.CallToolAsync("outside", new Dictionary<string, object?> { ["name"] = "Ada" }, cancellationToken: ct).AsTask()))
            .Message.ShouldContain("Unknown tool");
        await Should.ThrowAsync<McpProtocolException>(() => mcp.ListResourcesAsync(cancellationToken: ct).AsTask());

        await using var unrestricted = await app.McpClientAsync(world.Owner);
        (await unrestricted.ListPromptsAsync(cancellationToken: ct)).Count.ShouldBe(3);
        (await unrestricted.ListToolsAsync(cancellationToken: ct)).ShouldContain(t => t.Name == "outside");
    }

    /// <summary>For an update a body that names one of its fields (one naming none is a 400 before anything else); none for a GET or DELETE.</summary>
    private static Dictionary<string, object?>? BodyNamingAField(SliceDescriptor slice)
    {
        if (slice.Binding.Verb is "GET" or "DELETE") return null;
        if (slice.Binding.Verb is "POST") return [];
        var field = ToolSchema.WireProperties(slice.Request).Select(Wire.NameOf).FirstOrDefault(name => !slice.Binding.Route.Contains($"{{{name}}}"));
        return field is null ? [] : new Dictionary<string, object?> { [field] = null };
    }

    private static string TemplateName(string id, string title) => Promptmark.Api.Features.McpPrompts.TemplatePrompts.McpName(Guid.Parse(id), title);

    private sealed record World(TestUser Owner, TestUser Key, string Granted, string Outside, string Inside, string OutsidePrompt, string Loose, string OthersPublic);

    /// <summary>An owner with a prompt in a granted collection, one in another collection (also exposed as a tool), one in none, and a stranger's public prompt.</summary>
    private async Task<World> WorldAsync()
    {
        var owner = await app.NewUserAsync();
        var stranger = await app.NewUserAsync();
        var granted = (await app.PostAsync(owner, "/api/collections", new { name = "Granted" }, 201)).Id();
        var outside = (await app.PostAsync(owner, "/api/collections", new { name = "Other" }, 201)).Id();
        var inside = (await app.CreatePromptAsync(owner, new { title = "Inside", prompt = "Hi {{name}}", collection_id = granted })).Id();
        var outsidePrompt = (await app.CreatePromptAsync(owner, new { title = "Outside", prompt = "Bye {{name}}", collection_id = outside })).Id();
        await app.PatchAsync(owner, $"/api/prompts/{outsidePrompt}", new { expose_as_tool = true });
        var loose = (await app.CreatePromptAsync(owner, new { title = "Loose", prompt = "Yo {{name}}" })).Id();
        var othersPublic = (await app.CreatePromptAsync(stranger, new { title = "Shared", prompt = "Public", is_public = true })).Id();
        var key = (await app.PostAsync(owner, "/api/keys", new { name = "granted", collection_ids = new[] { granted } }, 201)).Str("key");
        return new World(owner, owner with { Token = key }, granted, outside, inside, outsidePrompt, loose, othersPublic);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
