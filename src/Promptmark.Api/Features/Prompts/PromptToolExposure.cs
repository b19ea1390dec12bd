using Marten;
using Marten.Schema.Indexing.Unique;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Mcp;

namespace Promptmark.Api.Features.Prompts;

/// <summary>What update_prompt's REST door may ask about a prompt's own tool on <c>/mcp</c>.</summary>
public interface IPromptToolFields
{
    bool? ExposeAsTool { get; }
    bool? RederiveToolName { get; }
}

/// <summary>
/// A prompt exposed as a tool (one of the <see cref="UserTools"/>): its name is the title as a snake_case slug, unique among
/// the user's own tools and never one of the built-in tools' names. The name is derived once and kept (a rename does not break the clients that call
/// it) until the user asks for it to be derived again from the current title.
/// </summary>
public static class PromptToolExposure
{
    /// <summary>How many prompts one user may expose: a tools/list of hundreds of prompts drowns a model's context.</summary>
    public const int MaxExposed = 50;

    /// <summary>Tool names stay within 64 characters, the shortest limit model providers put on function names.</summary>
    private const int MaxSlug = 56;

    public static async Task ApplyAsync(IPromptToolFields fields, Prompt prompt, IQuerySession session, UserTools tools, CancellationToken ct)
    {
        if (fields.ExposeAsTool is { } expose)
        {
            if (expose && !prompt.ExposedAsTool) await RefuseOverCapAsync(session, prompt.Id, ct);
            prompt.ExposedAsTool = expose;
        }
        if (prompt.ExposedAsTool && (prompt.ToolName is null || fields.RederiveToolName == true))
            prompt.ToolName = await tools.FreeNameAsync(session, PromptSlugs.Of(prompt.Title, '_', MaxSlug, "prompt"), prompt.ToolName, ct);
    }

    private static async Task RefuseOverCapAsync(IQuerySession session, Guid promptId, CancellationToken ct)
    {
        var exposed = await session.Query<Prompt>().CountAsync(p => p.ExposedAsTool && p.Id != promptId, ct);
        if (exposed >= MaxExposed)
            throw new ConflictException($"At most {MaxExposed} prompts can be exposed as tools, and {exposed} are: turn one off (expose_as_tool: false) first.");
    }
}

/// <summary>Two of a user's live prompts never share a tool name, even when two writes race.</summary>
public sealed class PromptToolNameStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) =>
        options.Schema.For<Prompt>().Index(p => p.ToolName!, index =>
        {
            index.Name = "uq_prompt_tool_name_per_user";
            index.IsUnique = true;
            index.TenancyScope = TenancyScope.PerTenant;
            index.Predicate = "mt_deleted = false";
        });
}
