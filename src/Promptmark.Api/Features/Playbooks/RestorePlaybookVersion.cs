using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.Playbooks;

[Description("Restore a playbook to a previous version. Snapshots the current state first.")]
public sealed record RestorePlaybookVersion : PrivateInput, ISlice<PlaybookView>
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/playbooks/{playbook_id}/versions/{version_id}/restore")
        .AsTool("restore_playbook_version", "Restore a playbook version")
        .Described("Restore an earlier version's title, content, description, tags, default model and artifact type; the current state is kept as a new version first");

    [Required, Description("The playbook ID to restore")]
    public string PlaybookId { get; init; } = "";

    [Required, Description("The version ID to restore to")]
    public string VersionId { get; init; } = "";
}

public static class RestorePlaybookVersionHandler
{
    public static async Task<PlaybookView> Handle(RestorePlaybookVersion command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var playbook = await session.LoadOwnedPlaybookAsync(command.PlaybookId, ct);
        var version = await session.LoadOwnedAsync<PlaybookVersion>(command.VersionId, "version", ct);
        if (version.PlaybookId != playbook.Id) throw new NotFoundException("version");
        var now = clock.GetUtcNow();
        session.Store(PlaybookVersion.Snapshot(playbook, now));
        playbook.Title = version.Title;
        playbook.Description = version.Description;
        playbook.SetTags(version.Tags);
        playbook.DefaultModelId = version.DefaultModelId;
        playbook.ArtifactType = version.ArtifactType;
        playbook.SetContent(version.Content, PlaybookFields.DefinitionOf(version.Content));
        playbook.Rescan();
        playbook.UpdatedAt = now;
        session.Store(playbook);
        return PlaybookView.Of(playbook, withDefinition: true);
    }
}
