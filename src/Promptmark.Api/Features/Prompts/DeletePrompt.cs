using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.Prompts;

[Description("Soft-delete a prompt.")]
public sealed record DeletePrompt : PrivateInput, ISlice<Deleted>
{
    public static SliceBinding Binding { get; } = SliceBinding.Delete("/api/prompts/{id}").AsTool("delete_prompt", "Delete a prompt")
        .Described("Delete a prompt (soft delete: it disappears from every read)");

    [Required, Description("Prompt ID to delete")]
    public string Id { get; init; } = "";
}

public static class DeletePromptHandler
{
    public static async Task<Deleted> Handle(DeletePrompt command, IDocumentSession session, CancellationToken ct)
    {
        var prompt = await session.LoadOwnedPromptAsync(command.Id, ct);
        session.Delete(prompt);
        return new Deleted(prompt.Id);
    }
}
