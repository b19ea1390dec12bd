using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.Playbooks;

[Description("Soft-delete a playbook.")]
public sealed record DeletePlaybook : PrivateInput, ISlice<Deleted>
{
    public static SliceBinding Binding { get; } = SliceBinding.Delete("/api/playbooks/{id}").AsTool("delete_playbook", "Delete a playbook")
        .Described("Delete a playbook (soft delete: it disappears from every read)");

    [Required, Description("The playbook ID to delete")]
    public string Id { get; init; } = "";
}

public static class DeletePlaybookHandler
{
    public static async Task<Deleted> Handle(DeletePlaybook command, IDocumentSession session, CancellationToken ct)
    {
        var playbook = await session.LoadOwnedPlaybookAsync(command.Id, ct);
        session.Delete(playbook);
        return new Deleted(playbook.Id);
    }
}
