using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Playbooks;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.PlaybookTriggers;

[Description("Whether the playbook has a trigger token (its hint and age, never the token) and the path its triggers are sent to.")]
public sealed record GetTriggerToken : PrivateInput, ISlice<TriggerTokenStatus>
{
    public static SliceBinding Binding { get; } = SliceBinding.Get("/api/playbooks/{playbook_id}/trigger-token")
        .Described("The playbook's trigger token as it stands: whether there is one, its hint, the trigger path");

    [Required, Description("The playbook ID")]
    public string PlaybookId { get; init; } = "";
}

public static class GetTriggerTokenHandler
{
    public static async Task<TriggerTokenStatus> Handle(GetTriggerToken query, IQuerySession session, CancellationToken ct)
    {
        var playbook = await session.LoadOwnedPlaybookAsync(query.PlaybookId, ct);
        return TriggerTokenStatus.Of(playbook.Id, await session.OfPlaybookAsync(playbook.Id, ct));
    }
}
