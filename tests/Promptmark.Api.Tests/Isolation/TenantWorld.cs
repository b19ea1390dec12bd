using Promptmark.Api.Features.McpPrompts;
using Promptmark.Api.Tests.OAuth;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Isolation;

/// <summary>
/// One user with one of everything a user can own: a template prompt (tagged, in a collection, with an earlier
/// version, a captured response and a tool attached), a remix of it, a skill, a tested connection with cached tools
/// and an execution, an API key, an authorized OAuth app, a model provider (an OpenAI-compatible server of their own) an imported conversation linked to the prompt, and a tagged playbook with an earlier version, and a playbook run awaiting an answer. Every title and name carries <see cref="Token"/>, so a leak shows in any answer.
/// </summary>
public sealed record TenantWorld(
    TestUser User, string Token, string PromptId, string TemplateName, string RemixId, string CollectionId, string VersionId,
    string ResponseId, string SkillId, string SkillName, string ConnectionId, string ExecutionId, string KeyId, string Tag, string ProviderName,
    string ConversationId, string PlaybookId, string PlaybookVersionId, string PlaybookExecutionId, string OAuthClientId, string GrantId)
{
    public static async Task<TenantWorld> CreateAsync(PromptmarkApp app, Uri mcpServer, Uri modelServer)
    {
        var user = await app.NewUserAsync();
        var token = "w" + Guid.NewGuid().ToString("N")[..12];
        var tag = $"tag{token}";
        var collection = (await app.PostAsync(user, "/api/collections", new { name = $"Collection {token}" }, 201)).Id();
        var connection = await app.CreateConnectionAsync(user, mcpServer, name: $"Server {token}");
        await app.PostAsync(user, $"/api/mcp/connections/{connection}/test", new { });
        var execution = (await app.ExecuteAsync(user, connection, "echo", new { message = $"Echo {token}" })).Str("execution_id");

        var title = $"Plan {token}";
        var prompt = (await app.CreatePromptAsync(user, new
        {
            title, prompt = $"The {{{{topic}}}} of {token}", tags = new[] { tag }, collection_id = collection, is_remixable = true,
        })).Id();
        await app.PatchAsync(user, $"/api/prompts/{prompt}", new { notes = $"Notes {token}" });
        var version = (await app.GetAsync(user, $"/api/prompts/{prompt}/versions")).GetProperty("versions")[0].Id();
        await app.PutAsync(user, $"/api/prompts/{prompt}/tools", new { tool_refs = new[] { new { connection_id = connection, tool_name = "echo" } } });
        var response = (await app.PostAsync(user, $"/api/prompts/{prompt}/responses", new { model_id = "model", content = $"Answer {token}" }, 201)).Id();
        var remix = (await app.CreatePromptAsync(user, new { title = $"Remix {token}", prompt = "p", remixed_id = prompt })).Id();

        var skillName = $"skill-{token}";
        var skill = (await app.PostAsync(user, "/api/skills", new { content = SkillMd(skillName, $"Does {token} things.") }, 201)).Id();
        var key = (await app.PostAsync(user, "/api/keys", new { name = $"Key {token}" }, 201)).Id();
        var (oauthClient, _) = await new OAuthDance(app).SignInAsync(user);
        var grant = (await app.GetAsync(user, "/api/oauth/grants")).GetProperty("grants")[0].Id();
        // Not named with the token: a stranger may name a provider of its own like this one, and the token must stay a secret.
        var provider = $"local-{Guid.NewGuid().ToString("N")[..12]}";
        await app.PutAsync(user, $"/api/providers/{provider}", new { base_url = modelServer.ToString() });

        var conversation = (await app.PostAsync(user, "/api/conversations/import", new
        {
            title = $"Chat {token}", model = $"{provider}/model-a", messages = new[] { new { role = "user", content = $"Question {token}" } },
        }, 201)).Id();
        await app.PutAsync(user, $"/api/conversations/{conversation}/prompt", new { prompt_id = prompt });

        var playbook = (await app.PostAsync(user, "/api/playbooks", new
        {
            title = $"Playbook {token}", content = $"# Playbook {token}\n\n## STEP 1: Plan\n\nPlan {token}.\n\n@output(plan)\n", tags = new[] { tag },
        }, 201)).Id();
        await app.PatchAsync(user, $"/api/playbooks/{playbook}", new { description = $"About {token}" });
        var playbookVersion = (await app.GetAsync(user, $"/api/playbooks/{playbook}/versions")).GetProperty("versions")[0].Id();
        // Two questions with a breakpoint between: the run waits for an answer, then at the breakpoint, then for the second
        // answer, and never calls a model.
        var asking = (await app.PostAsync(user, "/api/playbooks", new
        {
            title = $"Asking {token}", content = $"# Asking {token}\n\n## STEP 1: Ask\n\n@elicit(input, \"Why {token}?\")\n\n## STEP 2: Ask again\n\n@elicit(input, \"Sure?\")\n",
        }, 201)).Id();
        var playbookExecution = (await app.PostAsync(user, $"/api/playbooks/{asking}/executions", new { model_id = $"{provider}/model-a", breakpoints = "1" }, 201)).Id();

        return new TenantWorld(user, token, prompt, TemplatePrompts.McpName(Guid.Parse(prompt), title), remix, collection, version,
            response, skill, skillName, connection, execution, key, tag, provider, conversation, playbook, playbookVersion, playbookExecution, oauthClient, grant);
    }

    /// <summary>Texts that must never reach another user: the token in every name and title, each id, the email.</summary>
    public IEnumerable<string> Secrets =>
    [
        Token, User.Email, PromptId, RemixId, CollectionId, VersionId, ResponseId, SkillId, ConnectionId, ExecutionId, KeyId, ProviderName, ConversationId,
        PlaybookId, PlaybookVersionId, PlaybookExecutionId, GrantId,
    ];

    public static string SkillMd(string name, string description) =>
        $"---\nname: {name}\ndescription: {description}\n---\n\n# Steps\n\nDo it.\n";
}
