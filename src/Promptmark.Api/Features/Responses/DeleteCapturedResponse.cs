using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.Responses;

[Description("Permanently delete a captured response.")]
public sealed record DeleteCapturedResponse : PrivateInput, ISlice<Deleted>
{
    public static SliceBinding Binding { get; } = SliceBinding.Delete("/api/responses/{id}").AsTool("delete_captured_response", "Delete a captured response");

    [Required, Description("Response ID")]
    public string Id { get; init; } = "";
}

public static class DeleteCapturedResponseHandler
{
    public static async Task<Deleted> Handle(DeleteCapturedResponse command, IDocumentSession session, CancellationToken ct)
    {
        var response = await session.LoadOwnedAsync<CapturedResponse>(command.Id, "response", ct);
        session.Delete(response);
        return new Deleted(response.Id);
    }
}
