using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Features.Playbooks;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Features.PlaybookTriggers;

[Description("Create the playbook's trigger token: whoever holds it can start runs of this playbook (and only this one) at its trigger URL. The token is returned only in this response.")]
public sealed record CreateTriggerToken : PrivateInput, ISlice<IssuedTriggerToken>
{
    public static SliceBinding Binding { get; } = SliceBinding.Post("/api/playbooks/{playbook_id}/trigger-token").Created().MayAnswer(409)
        .Described("Create the playbook's trigger token (shown only once; 409 when it has one: rotate it instead)");

    [Required, Description("The playbook ID")]
    public string PlaybookId { get; init; } = "";
}

public static class CreateTriggerTokenHandler
{
    public static async Task<IssuedTriggerToken> Handle(CreateTriggerToken command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var playbook = await session.LoadOwnedPlaybookAsync(command.PlaybookId, ct);
        if (await session.OfPlaybookAsync(playbook.Id, ct) is not null)
            throw new ConflictException("The playbook already has a trigger token: rotate it to get a new one, or revoke it.");
        var token = new TriggerToken { Id = Guid.CreateVersion7(), PlaybookId = playbook.Id, OwnerId = playbook.OwnerId, Hash = "", Hint = "" };
        var issued = TriggerTokens.Issue(token, clock.GetUtcNow());
        session.Store(token);
        return issued;
    }
}
