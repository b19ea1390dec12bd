using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.Playbooks;

[Description("Get version history for a playbook.")]
public sealed record GetPlaybookVersions : PrivateInput, ISlice<PlaybookHistory>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/playbooks/{playbook_id}/versions").AsTool("get_playbook_versions", "List a playbook's versions")
        .Described("A playbook's earlier versions, newest first; the current state is current_version and is not in the list");

    [Required, Description("The playbook ID to get version history for")]
    public string PlaybookId { get; init; } = "";
}

public static class GetPlaybookVersionsHandler
{
    public static async Task<PlaybookHistory> Handle(GetPlaybookVersions query, IDocumentSession session, CancellationToken ct)
    {
        var playbook = await session.LoadOwnedPlaybookAsync(query.PlaybookId, ct);
        var versions = await session.Query<PlaybookVersion>().Where(v => v.PlaybookId == playbook.Id).OrderByDescending(v => v.Number).ToListAsync(ct);
        return new PlaybookHistory(playbook.Id, playbook.Version, versions.Select(PlaybookVersionSummary.Of).ToList());
    }
}
