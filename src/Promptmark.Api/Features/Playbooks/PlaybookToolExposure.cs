using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Marten.Schema.Indexing.Unique;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Mcp;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Playbooks;

public static class PlaybookToolModes
{
    /// <summary>A call waits for the run to come to rest (up to <c>Promptmark:Playbooks:WaitSeconds</c>) and answers its outputs.</summary>
    public const string Sync = "sync";

    /// <summary>A call answers the queued run's id at once; get_playbook_execution follows it.</summary>
    public const string Inbound = "inbound";

    public static readonly IReadOnlyList<string> All = [Sync, Inbound];
}

[Description("Offer the playbook on /mcp as a tool of its own, its input schema generated from ## INPUTS, or withdraw it. Not a version of the playbook.")]
public sealed record ExposePlaybookAsTool : PrivateInput, ISlice<PlaybookView>, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Patch("/api/playbooks/{id}/tool").MayAnswer(409)
        .Described("Expose the playbook as an MCP tool (at most 50 per user; 409 beyond), withdraw it, or change how it answers");

    [Required, Description("The playbook ID")]
    public string Id { get; init; } = "";

    [Description("Offer the playbook on /mcp as a tool named from its title; false withdraws it and keeps the name")]
    public bool? ExposeAsTool { get; init; }

    [Description("'sync': a call waits for the run (up to 5 minutes) and answers its outputs; 'inbound': a call answers the execution id at once")]
    public string? ToolMode { get; init; }

    [Description("Derive the tool's name again from the current title; otherwise the name stays what it was when first exposed")]
    public bool? RederiveToolName { get; init; }

    public void Validate(InputErrors errors) =>
        errors.When(ToolMode is not null && !PlaybookToolModes.All.Contains(ToolMode), "tool_mode", "must be 'sync' or 'inbound'");
}

/// <summary>
/// A playbook exposed as a tool (one of the <see cref="UserTools"/>), named like a prompt's tool: the title as a snake_case
/// slug, unique among the user's own tools, kept across renames until derived again.
/// </summary>
public static class ExposePlaybookAsToolHandler
{
    public static async Task<PlaybookView> Handle(ExposePlaybookAsTool command, IDocumentSession session, UserTools tools, TimeProvider clock, CancellationToken ct)
    {
        var playbook = await session.LoadOwnedPlaybookAsync(command.Id, ct);
        if (command.ToolMode is { } mode) playbook.ToolMode = mode;
        await tools.ApplyAsync(playbook, command.ExposeAsTool, command.RederiveToolName, PromptSlugs.Of(playbook.Title, '_', PromptToolExposure.MaxSlug, "playbook"),
            "playbooks", () => session.Query<Playbook>().CountAsync(p => p.ExposedAsTool, ct), session, ct);
        playbook.UpdatedAt = clock.GetUtcNow();
        session.Store(playbook);
        return PlaybookView.Of(playbook, withDefinition: true);
    }
}

/// <summary>Two of a user's live playbooks never share a tool name, even when two writes race.</summary>
public sealed class PlaybookToolNameStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) =>
        options.Schema.For<Playbook>().Index(p => p.ToolName!, index =>
        {
            index.Name = "uq_playbook_tool_name_per_user";
            index.IsUnique = true;
            index.TenancyScope = TenancyScope.PerTenant;
            index.Predicate = "mt_deleted = false";
        });
}
