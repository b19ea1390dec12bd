using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.PlaybookTriggers;

[Description("Revoke the playbook's trigger token: triggers with it are refused at once.")]
public sealed record RevokeTriggerToken : PrivateInput, ISlice<Deleted>
{
    public static SliceBinding Binding { get; } = SliceBinding.Delete("/api/playbooks/{playbook_id}/trigger-token")
        .Described("Revoke the playbook's trigger token");

    [Required, Description("The playbook ID")]
    public string PlaybookId { get; init; } = "";
}

public static class RevokeTriggerTokenHandler
{
    public static async Task<Deleted> Handle(RevokeTriggerToken command, IDocumentSession session, CancellationToken ct)
    {
        var token = await session.LoadOwnedTokenAsync(command.PlaybookId, ct);
        session.Delete(token);
        return new Deleted(token.Id);
    }
}
