using Marten;
using Marten.Schema.Indexing.Unique;
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
/// the user's own tools and never one of the built-in tools' names. The name is derived once and kept (a rename does not
/// break the clients that call it) until the user asks for it to be derived again from the current title.
/// </summary>
public static class PromptToolExposure
{
    /// <summary>Tool names stay within 64 characters, the shortest limit model providers put on function names.</summary>
    public const int MaxSlug = 56;

    public static Task ApplyAsync(IPromptToolFields fields, Prompt prompt, IQuerySession session, UserTools tools, CancellationToken ct) =>
        tools.ApplyAsync(prompt, fields.ExposeAsTool, fields.RederiveToolName, PromptSlugs.Of(prompt.Title, '_', MaxSlug, "prompt"), "prompts",
            () => session.Query<Prompt>().CountAsync(p => p.ExposedAsTool, ct), session, ct);
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
