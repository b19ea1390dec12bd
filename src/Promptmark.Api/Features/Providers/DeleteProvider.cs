using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Marten;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Slices;
using Promptmark.Api.Infrastructure.Storage;

namespace Promptmark.Api.Features.Providers;

[Description("Remove one of your model providers and its stored key. What was spent on it this month still counts toward your own budget.")]
public sealed record DeleteProvider : PrivateInput, ISlice<Deleted>
{
    public static SliceBinding Binding { get; } = SliceBinding.Delete("/api/providers/{name}");

    [Required, Description("The provider's name, e.g. openai or ollama")]
    public string Name { get; init; } = "";
}

public static class DeleteProviderHandler
{
    public static async Task<Deleted> Handle(DeleteProvider command, IDocumentSession session, CancellationToken ct)
    {
        var provider = await session.FindProviderAsync(command.Name, ct)
                       ?? throw new NotFoundException("Provider");
        session.Delete(provider);
        return new Deleted(provider.Id);
    }
}
