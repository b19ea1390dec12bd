using Wolverine;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.Versions;

[Description("Restore a prompt to a previous version. Snapshots the current state first.")]
public sealed record RestorePromptVersion : PrivateInput, ISlice<PromptView>
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/prompts/{prompt_id}/versions/{version_id}/restore").AsTool("restore_prompt_version", "Restore a prompt version")
        .Described("Restore an earlier version's title, content and notes; the current state is kept as a new version first, so nothing is lost, " +
                   "and the restored state records which version it came from");

    [Required, Description("Prompt ID")]
    public string PromptId { get; init; } = "";

    [Required, Description("Version ID to restore")]
    public string VersionId { get; init; } = "";
}

public static class RestorePromptVersionHandler
{
    public static async Task<PromptView> Handle(RestorePromptVersion command, IDocumentSession session, TimeProvider clock, Envelope envelope, CancellationToken ct)
    {
        var prompt = await session.LoadOwnedPromptAsync(command.PromptId, ct);
        var version = await session.LoadOwnedAsync<PromptVersion>(command.VersionId, "version", ct);
        if (version.PromptId != prompt.Id) throw new NotFoundException("version");
        var now = clock.GetUtcNow();
        session.Store(PromptVersion.Snapshot(prompt, now));
        prompt.Title = version.Title;
        prompt.SetContent(version.Content);
        prompt.Notes = version.Notes;
        prompt.RestoredFrom = version.Number;
        var notice = PromptSafety.Rescan(prompt, envelope.DoorOf());
        prompt.UpdatedAt = now;
        session.Store(prompt);
        return PromptView.Of(prompt, session.CallerId(), notice);
    }
}
