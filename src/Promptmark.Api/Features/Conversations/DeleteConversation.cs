using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.Conversations;

[Description("Delete a conversation (soft delete).")]
public sealed record DeleteConversation : PrivateInput, ISlice<Deleted>
{
    public static SliceBinding Binding { get; } = SliceBinding.Delete("/api/conversations/{id}").AsTool("delete_conversation", "Delete a conversation")
        .Described("Delete a conversation (soft delete: it and its messages disappear from every read)");

    [Required, Description("The conversation ID to delete")]
    public string Id { get; init; } = "";
}

public static class DeleteConversationHandler
{
    public static async Task<Deleted> Handle(DeleteConversation command, IDocumentSession session, CancellationToken ct)
    {
        var conversation = await session.LoadOwnedConversationAsync(command.Id, ct);
        session.Delete(conversation);
        return new Deleted(conversation.Id);
    }
}
