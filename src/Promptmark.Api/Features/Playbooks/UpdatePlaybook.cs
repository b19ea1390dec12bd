using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Json;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Playbooks;

[Description("Update an existing playbook. Snapshots the current version before applying changes. Only provided fields are changed.")]
public sealed record UpdatePlaybook : PrivateInput, ISlice<PlaybookView>, IPlaybookFields, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Patch("/api/playbooks/{id}").AsTool("update_playbook", "Update a playbook")
        .MayAnswer(422).Described("Update a playbook; its previous state is kept as a version first. Content with a fatal parse error is a 422 and changes nothing");

    [Required, Description("The playbook ID to update")]
    public string Id { get; init; } = "";

    [Description("New title")]
    public string? Title { get; init; }

    [Description("New playbook markdown content")]
    public string? Content { get; init; }

    [Description("New description")]
    public string? Description { get; init; }

    [Description("New JSON array of tag strings")]
    public StringList? Tags { get; init; }

    [Description("New default AI model ID")]
    public string? DefaultModelId { get; init; }

    [Description("New artifact type: markdown, json, mermaid, chartjs, html_css, javascript, typescript")]
    public string? ArtifactType { get; init; }

    [Description("Informational list of named output variables (read-only, derived from @output() directives in content)")]
    public List<string>? OutputVars { get; init; }

    public void Validate(InputErrors errors) => PlaybookFields.Validate(this, errors);
}

public static class UpdatePlaybookHandler
{
    public static async Task<PlaybookView> Handle(UpdatePlaybook command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var playbook = await session.LoadOwnedPlaybookAsync(command.Id, ct);
        var now = clock.GetUtcNow();
        session.Store(PlaybookVersion.Snapshot(playbook, now));
        PlaybookFields.Apply(command, playbook);
        playbook.UpdatedAt = now;
        session.Store(playbook);
        return PlaybookView.Of(playbook, withDefinition: true);
    }
}
