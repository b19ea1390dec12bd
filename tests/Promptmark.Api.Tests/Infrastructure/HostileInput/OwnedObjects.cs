using System.Text.Json;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Infrastructure.HostileInput;

/// <summary>
/// A user with one of everything (prompt in a collection, its second version, skill, key, captured response,
/// connection), so route ids can be the owner's own, and a snapshot of all of it to prove nothing was half-written.
/// </summary>
public sealed record OwnedObjects(TestUser Owner, string Prompt, string Collection, string Skill, string Key, string Response, string Connection, string Version)
{
    public const string Tag = "alpha";

    public static async Task<OwnedObjects> CreateAsync(PromptmarkApp app)
    {
        var owner = await app.NewUserAsync();
        var collection = (await app.PostAsync(owner, "/api/collections", new { name = "Hostile" }, 201)).Id();
        var prompt = (await app.CreatePromptAsync(owner, new { title = "Greeting", prompt = "Hello {{name}}", tags = new[] { Tag }, collection_id = collection })).Id();
        await app.PatchAsync(owner, $"/api/prompts/{prompt}", new { prompt = "Hello {{name}}, welcome" });
        var version = (await app.GetAsync(owner, $"/api/prompts/{prompt}/versions")).GetProperty("versions")[0].Id();
        var skill = (await app.PostAsync(owner, "/api/skills", new { content = "---\nname: hostile\ndescription: A skill to aim bad input at\n---\nBody\n" }, 201)).Id();
        var key = (await app.PostAsync(owner, "/api/keys", new { name = "hostile" }, 201)).Id();
        var response = (await app.PostAsync(owner, $"/api/prompts/{prompt}/responses", new { model_id = "m", content = "answer" }, 201)).Id();
        var connection = (await app.PostAsync(owner, "/api/mcp/connections", new { name = "Nowhere", server_url = "http://127.0.0.1:9/mcp" }, 201)).Id();
        return new OwnedObjects(owner, prompt, collection, skill, key, response, connection, version);
    }

    /// <summary>The owner's id for a route or argument named <paramref name="name"/> of an operation on <paramref name="path"/>.</summary>
    public string? IdFor(string path, string name) => name switch
    {
        "prompt_id" => Prompt,
        "connection_id" => Connection,
        "version_id" => Version,
        "tool_name" => "echo",
        "tag" => Tag,
        "a" or "b" => "1",
        "id" => path.Split('/', StringSplitOptions.RemoveEmptyEntries)[1] switch
        {
            "collections" => Collection,
            "skills" => Skill,
            "keys" => Key,
            "responses" => Response,
            "mcp" => Connection,
            _ => Prompt,
        },
        _ => null,
    };

    /// <summary>Everything the owner has, as the API shows it.</summary>
    public async Task<string> SnapshotAsync(PromptmarkApp app)
    {
        string[] urls =
        [
            $"/api/prompts/{Prompt}", $"/api/prompts/{Prompt}/versions", $"/api/prompts/{Prompt}/tools", $"/api/collections/{Collection}",
            $"/api/skills/lookup?id={Skill}", "/api/keys", $"/api/responses/{Response}", $"/api/mcp/connections/{Connection}",
            "/api/prompts", "/api/collections", "/api/tags", "/api/mcp/connections", "/api/mcp/executions",
        ];
        var parts = new List<string>();
        foreach (var url in urls) parts.Add(url + " " + (await app.GetAsync(Owner, url)).GetRawText());
        return string.Join("\n", parts);
    }
}
