using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Json;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Playbooks;

[Description("Create a new multi-step playbook with markdown content containing ## STEP sections.")]
public sealed record CreatePlaybook : PrivateInput, ISlice<PlaybookView>, IPlaybookFields, IValidated
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/playbooks").AsTool("create_playbook", "Create a playbook").Created()
        .MayAnswer(422).Described("Create a playbook from PLAYBOOK.md content; content with a fatal parse error is a 422 naming each error's line and column");

    [Required, Description("The playbook title")]
    public string? Title { get; init; }

    [Required, Description("The playbook markdown content with ## STEP sections")]
    public string? Content { get; init; }

    [Description("Optional description of the playbook")]
    public string? Description { get; init; }

    [Description("JSON array of tag strings")]
    public StringList? Tags { get; init; }

    [Description("Default AI model ID for execution")]
    public string? DefaultModelId { get; init; }

    [Description("Artifact type for final output: markdown, json, mermaid, chartjs, html_css, javascript, typescript. Parsed from ## ARTIFACTS section if present in content.")]
    public string? ArtifactType { get; init; }

    [Description("Informational list of named output variables defined via @output() directives in the playbook steps")]
    public List<string>? OutputVars { get; init; }

    public void Validate(InputErrors errors) => PlaybookFields.Validate(this, errors);
}

public static class CreatePlaybookHandler
{
    public static PlaybookView Handle(CreatePlaybook command, IDocumentSession session, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var playbook = new Playbook { Id = Guid.CreateVersion7(), OwnerId = session.CallerId(), CreatedAt = now, UpdatedAt = now };
        PlaybookFields.Apply(command, playbook);
        session.Store(playbook);
        return PlaybookView.Of(playbook, withDefinition: true);
    }
}
