using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.ApiKeys;

[Description("Revoke an API key: it stops working at once.")]
public sealed record DeleteApiKey : PrivateInput, ISlice<Deleted>
{
    public static SliceBinding Binding { get; } = SliceBinding.Delete("/api/keys/{id}");

    [Required, Description("The API key ID")]
    public string Id { get; init; } = "";
}

public static class DeleteApiKeyHandler
{
    public static async Task<Deleted> Handle(DeleteApiKey command, IDocumentSession session, CancellationToken ct)
    {
        var key = await session.LoadOwnedAsync<ApiKey>(command.Id, "API key", ct);
        session.Delete(key);
        return new Deleted(key.Id);
    }
}
