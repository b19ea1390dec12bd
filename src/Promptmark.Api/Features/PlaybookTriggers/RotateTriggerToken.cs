using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.PlaybookTriggers;

[Description("Replace the playbook's trigger token with a new one: the old token stops working at once. The new token is returned only in this response.")]
public sealed record RotateTriggerToken : PrivateInput, ISlice<IssuedTriggerToken>
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/playbooks/{playbook_id}/trigger-token/rotate")
        .Described("Rotate the playbook's trigger token (the old one stops working; the new one is shown only once)");

    [Required, Description("The playbook ID")]
    public string PlaybookId { get; init; } = "";
}

public static class RotateTriggerTokenHandler
{
    public static async Task<IssuedTriggerToken> Handle(RotateTriggerToken command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var token = await session.LoadOwnedTokenAsync(command.PlaybookId, ct);
        var issued = TriggerTokens.Issue(token, clock.GetUtcNow());
        session.Store(token);
        return issued;
    }
}
